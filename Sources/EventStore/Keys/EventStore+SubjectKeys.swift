import Crypto
import Foundation
import GRDB

extension EventStore {
    /// The encryption key of a subject (a participant, say), created on first request.
    ///
    /// Personal data goes into events sealed under its subject's key, because the log itself is
    /// immutable: destroying the key (``destroySubjectKey(_:)``) is how personal data is erased
    /// while the events, and the chain over them, stay intact.
    ///
    /// - Throws: ``EventStoreError/subjectKeyDestroyed(_:)`` when the key was destroyed: nothing
    ///   new may be sealed for an erased subject.
    public func subjectKey(_ subject: String) throws(EventStoreError) -> SymmetricKey {
        if let existing = try storedSubjectKey(subject) { return existing }
        let fresh = SymmetricKey(size: .bits256)
        try mapErrors {
            try keys.queue.write { db in
                try db.execute(
                    sql: "INSERT OR IGNORE INTO subject_keys (subject, key, created_at) VALUES (?, ?, ?)",
                    arguments: [subject, fresh.withUnsafeBytes { Data($0) }, Self.nowMilliseconds()])
            }
        }
        // Another writer may have created it first: the stored key is the one in force.
        guard let stored = try storedSubjectKey(subject) else { throw .subjectKeyDestroyed(subject) }
        return stored
    }

    /// The subject's key when it exists and is not destroyed; nil when it never existed.
    /// - Throws: ``EventStoreError/subjectKeyDestroyed(_:)`` when it was destroyed.
    public func storedSubjectKey(_ subject: String) throws(EventStoreError) -> SymmetricKey? {
        let row = try mapErrors {
            try keys.queue.read { db in try Row.fetchOne(db, sql: "SELECT key FROM subject_keys WHERE subject = ?", arguments: [subject]) }
        }
        guard let row else { return nil }
        guard let bytes = row[0] as Data? else { throw .subjectKeyDestroyed(subject) }
        return SymmetricKey(data: bytes)
    }

    /// Destroys the subject's key, so that nothing sealed under it can be read again.
    ///
    /// The key lives in its own file with a rollback journal and `secure_delete`
    /// (``SubjectKeyStore``): its bytes are overwritten in place, and the journal that holds
    /// the page as it was is deleted when the change commits. No copy is left in any file,
    /// whatever readers of the log are doing. A reader of the key file itself holds it for one
    /// look-up; the destruction waits for it (ten seconds at most, then fails and destroys
    /// nothing).
    public func destroySubjectKey(_ subject: String) throws(EventStoreError) {
        try mapErrors {
            try keys.queue.write { db in
                try db.execute(
                    sql: "UPDATE subject_keys SET key = NULL, destroyed_at = ? WHERE subject = ? AND key IS NOT NULL",
                    arguments: [Self.nowMilliseconds(), subject])
                // A key never created is destroyed all the same, so that none can be made later.
                try db.execute(
                    sql: "INSERT OR IGNORE INTO subject_keys (subject, key, created_at, destroyed_at) VALUES (?, NULL, ?, ?)",
                    arguments: [subject, Self.nowMilliseconds(), Self.nowMilliseconds()])
            }
        }
    }

    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
