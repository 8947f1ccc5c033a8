import Crypto
import Foundation
import GRDB
import HadafEvents
import HTTPTypes

/// Uploaded files, stored content-addressed in a folder beside the log
/// (`hadaf.attachments/<first two hex digits>/<sha256>`), so that an event names a file by the
/// hash of its bytes and an auditor can check that the file is the one the event names.
///
/// A file is kept only once its form is accepted. ``stage(_:for:)`` checks it (its type by its
/// content, its size, the sender's quota, the disk's free space) and writes it under
/// `.pending/`; the route appends the form's events and then ``keep(_:)`` moves it into place,
/// or ``discard(_:)`` deletes it when the form is refused. A file is written to a temporary name
/// and renamed, so a crash never leaves a half-written file under a hash; the same content
/// uploaded twice is stored once. A crash between the append and the move leaves the file in
/// `.pending/`, where ``content(sha256:)`` still finds it.
public struct AttachmentStore: Sendable {
    public let directory: URL
    /// The largest file accepted.
    public let maximumSize: Int
    /// The bytes one person's accepted files may take in all.
    public let quotaPerPerson: Int64
    /// Below this much free space on the attachments' disk, uploads are refused (507).
    public let minimumFreeSpace: Int64
    private let usage: DatabaseQueue

    /// The kinds of file accepted: documents and pictures a report of an experience carries.
    public static let acceptedMediaTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png", "image/webp", "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text",
    ]

    public init(directory: URL, maximumSize: Int, quotaPerPerson: Int64 = 200 << 20, minimumFreeSpace: Int64 = 512 << 20) throws {
        self.directory = directory
        self.maximumSize = maximumSize
        self.quotaPerPerson = quotaPerPerson
        self.minimumFreeSpace = minimumFreeSpace
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".pending"), withIntermediateDirectories: true)
        usage = try DatabaseQueue(path: directory.appendingPathComponent("usage.sqlite").path)
        try usage.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS attachment_usage (
                    actor_id TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, PRIMARY KEY (actor_id, sha256)
                ) WITHOUT ROWID
                """)
        }
    }

    /// The folder's usual place: beside the log, named after it.
    public static func directory(besideLog logPath: String) -> URL {
        URL(fileURLWithPath: URL(fileURLWithPath: logPath).deletingPathExtension().path + ".attachments")
    }

    /// A checked file waiting for its form's outcome.
    struct Staged: Sendable {
        let reference: EvidenceReference
        let actorId: String
        let pending: URL
    }

    /// Checks an uploaded file of `actorId` and writes it under `.pending/`; its reference goes
    /// into the event. Nothing is kept unless ``keep(_:)`` follows.
    func stage(_ file: MultipartForm.File, for actorId: String) throws(Problem) -> Staged {
        let mediaType = file.mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard Self.acceptedMediaTypes.contains(mediaType) else {
            throw Problem(status: .unprocessableContent, code: "attachment.type_refused", english: "'\(file.fileName)' is a \(mediaType) file; send a PDF, a picture, a text or a word-processor document.",
                          persian: "«\(file.fileName)» از نوع \(mediaType) است؛ پی‌دی‌اف، تصویر، متن یا سند واژه‌پرداز بفرستید.", field: file.field)
        }
        guard file.content.count <= maximumSize else {
            throw Problem(status: .contentTooLarge, code: "attachment.too_large", english: "'\(file.fileName)' is larger than the \(maximumSize) bytes a file may have.",
                          persian: "«\(file.fileName)» از \(Digits.persian(maximumSize)) بایتی که یک پرونده می‌تواند داشته باشد بزرگ‌تر است.", field: file.field)
        }
        guard FileSignature.matches(file.content, mediaType: mediaType) else {
            throw Problem(status: .unprocessableContent, code: "attachment.content_mismatch",
                          english: "'\(file.fileName)' is declared as \(mediaType), but its content is not such a file.",
                          persian: "«\(file.fileName)» به نام \(mediaType) فرستاده شده، اما محتوای آن چنین پرونده‌ای نیست.", field: file.field)
        }
        let hash = SHA256.hash(data: file.content).map { String(format: "%02x", $0) }.joined()
        let used = (try? usage.read { db in
            try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(bytes), 0) FROM attachment_usage WHERE actor_id = ? AND sha256 <> ?", arguments: [actorId, hash])
        }) ?? 0
        guard used + Int64(file.content.count) <= quotaPerPerson else {
            throw Problem(status: .hadafInsufficientStorage, code: "attachment.quota_exceeded",
                          english: "Your files would take more than the \(quotaPerPerson) bytes one person may store; \(used) are used.",
                          persian: "پرونده‌های شما از \(Digits.persian(quotaPerPerson)) بایتی که هر کس می‌تواند نگه دارد بیشتر می‌شود؛ \(Digits.persian(used)) بایت به کار رفته است.",
                          field: file.field)
        }
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory.path)[.systemFreeSize] as? NSNumber)?.int64Value ?? .max
        guard free - Int64(file.content.count) >= minimumFreeSpace else { throw Self.diskFull(field: file.field) }
        let pending = directory.appendingPathComponent(".pending").appendingPathComponent("\(hash).\(UUID().uuidString)")
        do {
            try file.content.write(to: pending, options: .atomic)
        } catch {
            // The disk filled up under the floor's check, or failed: nothing is kept, and the
            // sender may try again (no 500, no system text).
            throw Self.diskFull(field: file.field)
        }
        return Staged(reference: EvidenceReference(sha256: hash, fileName: Self.neutralName(of: file.fileName, sha256: hash), mediaType: mediaType, byteCount: file.content.count),
                      actorId: actorId, pending: pending)
    }

    /// The name a file is recorded under in the log, for good: `evidence-<first hash digits>`
    /// with the sender's extension. The name the sender's computer gave it ("maryam-ahmadi
    /// national card.pdf") is personal data that erasure could not reach in an immutable log.
    static func neutralName(of fileName: String, sha256: String) -> String {
        let suffix = fileName.split(separator: ".").last.map { String($0).lowercased() } ?? ""
        let isExtension = fileName.contains(".") && (1...5).contains(suffix.count) && suffix.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        return "evidence-\(sha256.prefix(12))" + (isExtension ? ".\(suffix)" : "")
    }

    /// No room for files: 507 with `Retry-After`.
    private static func diskFull(field: String) -> Problem {
        var problem = Problem(status: .hadafInsufficientStorage, code: "attachment.disk_full",
                              english: "The server has no room for files now; try again later.", persian: "کارساز اکنون جایی برای پرونده ندارد؛ بعداً دوباره بکوشید.",
                              field: field)
        problem.retryAfter = Problem.storageRetryAfter
        return problem
    }

    /// Moves an accepted form's file into place and counts it against its sender's quota.
    func keep(_ staged: Staged) {
        let hash = staged.reference.sha256
        let folder = directory.appendingPathComponent(String(hash.prefix(2)), isDirectory: true)
        let target = folder.appendingPathComponent(hash)
        do {
            if FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.removeItem(at: staged.pending)
            } else {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try FileManager.default.moveItem(at: staged.pending, to: target)
            }
        } catch {
            // Another request kept the same content first, or the move failed: the pending copy
            // stays where ``content(sha256:)`` finds it.
        }
        try? usage.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO attachment_usage (actor_id, sha256, bytes) VALUES (?, ?, ?)",
                           arguments: [staged.actorId, hash, staged.reference.byteCount])
        }
    }

    /// Deletes a refused form's file.
    func discard(_ staged: Staged) {
        try? FileManager.default.removeItem(at: staged.pending)
    }

    /// Deletes the files only `actorId` uploaded, and every quota row of theirs; returns how
    /// many files went. A file another person also uploaded stays, counted against them.
    func forget(actorId: String) throws -> Int {
        let (own, shared) = try usage.writeWithoutTransaction { db -> ([String], Set<String>) in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var result: ([String], Set<String>) = ([], [])
            try db.inTransaction {
                let hashes = try String.fetchAll(db, sql: "SELECT sha256 FROM attachment_usage WHERE actor_id = ?", arguments: [actorId])
                let shared = try Set(String.fetchAll(
                    db, sql: "SELECT DISTINCT sha256 FROM attachment_usage WHERE actor_id <> ? AND sha256 IN (SELECT sha256 FROM attachment_usage WHERE actor_id = ?)",
                    arguments: [actorId, actorId]))
                try db.execute(sql: "DELETE FROM attachment_usage WHERE actor_id = ?", arguments: [actorId])
                result = (hashes, shared)
                return .commit
            }
            return result
        }
        var removed = 0
        for hash in own where !shared.contains(hash) {
            guard let kept = kept(sha256: hash) else { continue }
            if (try? FileManager.default.removeItem(at: kept)) != nil { removed += 1 }
            for copy in pendingCopies(sha256: hash) { try? FileManager.default.removeItem(at: copy) }
        }
        return removed
    }

    /// The stored content of a file, when present.
    public func content(sha256: String) -> Data? {
        guard let kept = kept(sha256: sha256) else { return nil }
        if let content = FileManager.default.contents(atPath: kept.path) { return content }
        return pendingCopies(sha256: sha256).first.flatMap { FileManager.default.contents(atPath: $0.path) }
    }

    /// Where a file of this content is kept (under the first two digits of its hash); nil for
    /// text that is not a SHA-256.
    private func kept(sha256: String) -> URL? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        return directory.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// The copies of a file of this content still waiting under `.pending/`.
    private func pendingCopies(sha256: String) -> [URL] {
        let pending = directory.appendingPathComponent(".pending")
        return ((try? FileManager.default.contentsOfDirectory(atPath: pending.path)) ?? []).filter { $0.hasPrefix(sha256 + ".") }.map(pending.appendingPathComponent)
    }
}
