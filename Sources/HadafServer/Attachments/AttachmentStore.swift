import Crypto
import Foundation
import HadafEvents
import HTTPTypes

/// Uploaded files, stored content-addressed in a folder beside the log
/// (`hadaf.attachments/<first two hex digits>/<sha256>`), so that an event names a file by the
/// hash of its bytes and an auditor can check that the file is the one the event names.
///
/// A file is written to a temporary name and renamed into place, so a crash never leaves a
/// half-written file under a hash; the same content uploaded twice is stored once.
public struct AttachmentStore: Sendable {
    public let directory: URL
    /// The largest file accepted.
    public let maximumSize: Int
    /// The kinds of file accepted: documents and pictures a report of an experience carries.
    public static let acceptedMediaTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png", "image/webp", "text/plain",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text",
    ]

    public init(directory: URL, maximumSize: Int) {
        self.directory = directory
        self.maximumSize = maximumSize
    }

    /// The folder's usual place: beside the log, named after it.
    public static func directory(besideLog logPath: String) -> URL {
        URL(fileURLWithPath: URL(fileURLWithPath: logPath).deletingPathExtension().path + ".attachments")
    }

    /// Checks and stores an uploaded file; its reference goes into the event.
    func store(_ file: MultipartForm.File) throws(Problem) -> EvidenceReference {
        let mediaType = file.mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard Self.acceptedMediaTypes.contains(mediaType) else {
            throw Problem(status: .unprocessableContent, code: "attachment.type_refused", english: "'\(file.fileName)' is a \(mediaType) file; send a PDF, a picture, a text or a word-processor document.",
                          persian: "«\(file.fileName)» از نوع \(mediaType) است؛ پی‌دی‌اف، تصویر، متن یا سند واژه‌پرداز بفرستید.", field: file.field)
        }
        guard file.content.count <= maximumSize else {
            throw Problem(status: .contentTooLarge, code: "attachment.too_large", english: "'\(file.fileName)' is larger than the \(maximumSize) bytes a file may have.",
                          persian: "«\(file.fileName)» از \(Digits.persian(maximumSize)) بایتی که یک پرونده می‌تواند داشته باشد بزرگ‌تر است.", field: file.field)
        }
        let hash = SHA256.hash(data: file.content).map { String(format: "%02x", $0) }.joined()
        let folder = directory.appendingPathComponent(String(hash.prefix(2)), isDirectory: true)
        let target = folder.appendingPathComponent(hash)
        do {
            if !FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let temporary = folder.appendingPathComponent(".\(hash).\(UUID().uuidString)")
                try file.content.write(to: temporary, options: .atomic)
                try FileManager.default.moveItem(at: temporary, to: target)
            }
        } catch where FileManager.default.fileExists(atPath: target.path) {
            // Another request stored the same content first.
        } catch {
            throw .internalError
        }
        return EvidenceReference(sha256: hash, fileName: file.fileName, mediaType: mediaType, byteCount: file.content.count)
    }

    /// The stored content of a file, when present.
    public func content(sha256: String) -> Data? {
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else { return nil }
        return FileManager.default.contents(atPath: directory.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256).path)
    }
}
