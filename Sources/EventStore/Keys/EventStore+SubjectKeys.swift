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
            try pool.write { db in
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
            try pool.read { db in try Row.fetchOne(db, sql: "SELECT key FROM subject_keys WHERE subject = ?", arguments: [subject]) }
        }
        guard let row else { return nil }
        guard let bytes = row[0] as Data? else { throw .subjectKeyDestroyed(subject) }
        return SymmetricKey(data: bytes)
    }

    /// Destroys the subject's key, so that nothing sealed under it can be read again.
    ///
    /// The key's bytes are overwritten in the database file (the writer runs with
    /// `secure_delete`), and the WAL,
    /// which still holds the page as it was, is checkpointed and truncated. Returns false when
    /// a reader kept the WAL from being truncated; the bytes then leave it at the next checkpoint.
    @discardableResult
    public func destroySubjectKey(_ subject: String) throws(EventStoreError) -> Bool {
        try mapErrors {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction {
                    try db.execute(
                        sql: "UPDATE subject_keys SET key = NULL, destroyed_at = ? WHERE subject = ? AND key IS NOT NULL",
                        arguments: [Self.nowMilliseconds(), subject])
                    return .commit
                }
                let busy = try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") ?? 1
                return busy == 0
            }
        }
    }

    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
