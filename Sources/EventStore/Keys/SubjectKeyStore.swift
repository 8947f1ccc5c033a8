import Foundation
import GRDB

/// The subjects' keys, in a small SQLite file of their own beside the log
/// (`hadaf.keys.sqlite` beside `hadaf.sqlite`), so that a destroyed key leaves no copy behind.
///
/// In the log's own file, a key lived on in the write-ahead log after it was destroyed for as
/// long as any reader (a backup, a long audit) pinned a snapshot: the WAL cannot be truncated
/// under a reader, and the page as it was, key included, stays in it. This file instead keeps a
/// rollback journal (`journal_mode = DELETE`) with `secure_delete`: destroying a key overwrites
/// it in place, the journal that briefly holds the old page is deleted at commit, and a reader
/// of this file only ever holds its lock for one look-up. A long reader of the log never touches
/// it. Keys are never in the log's file or its WAL at all; those of an older log are moved here
/// and blanked there when it is opened (``EventStore``).
final class SubjectKeyStore: Sendable {
    let queue: DatabaseQueue

    /// `hadaf.keys.sqlite` beside `hadaf.sqlite`.
    static func path(besideLog logPath: String) -> String {
        URL(fileURLWithPath: logPath).deletingPathExtension().appendingPathExtension("keys.sqlite").path
    }

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "hadaf.subject-keys"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS subject_keys (
                    subject TEXT PRIMARY KEY NOT NULL,
                    key BLOB CHECK (key IS NULL OR length(key) = 32),
                    created_at INTEGER NOT NULL,
                    destroyed_at INTEGER
                ) WITHOUT ROWID;
                CREATE TRIGGER IF NOT EXISTS subject_keys_refuse_delete BEFORE DELETE ON subject_keys
                BEGIN
                    SELECT RAISE(ABORT, 'hadaf: subject_keys rows are kept; destroy a key by setting it to NULL');
                END;
                CREATE TRIGGER IF NOT EXISTS subject_keys_refuse_replace BEFORE UPDATE ON subject_keys
                WHEN NEW.key IS NOT NULL OR NEW.subject IS NOT OLD.subject
                BEGIN
                    SELECT RAISE(ABORT, 'hadaf: a subject key is never replaced, only destroyed');
                END;
                """)
        }
    }

    /// Moves the keys an older log kept in its own `subject_keys` table here (destroyed ones as
    /// destroyed), then blanks them there and truncates the log's WAL. Runs at every open; once
    /// the log holds no key it only reads one row.
    func adoptKeys(from log: DatabasePool) throws {
        let legacy = try log.read { db -> [Row] in
            guard try db.tableExists("subject_keys") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT subject, key, created_at, destroyed_at FROM subject_keys WHERE key IS NOT NULL")
        }
        guard !legacy.isEmpty else { return }
        try queue.write { db in
            for row in legacy {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO subject_keys (subject, key, created_at, destroyed_at) VALUES (?, ?, ?, ?)",
                    arguments: [row["subject"] as String, row["key"] as Data?, row["created_at"] as Int64, row["destroyed_at"] as Int64?])
            }
        }
        try log.writeWithoutTransaction { db in
            try db.inTransaction {
                try db.execute(sql: "UPDATE subject_keys SET key = NULL WHERE key IS NOT NULL")
                return .commit
            }
            _ = try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // The log's destroyed keys are marked destroyed here too (a key destroyed there before
        // this move has no row here yet).
        let destroyed = try log.read { db in
            try Row.fetchAll(db, sql: "SELECT subject, created_at, destroyed_at FROM subject_keys WHERE destroyed_at IS NOT NULL")
        }
        try queue.write { db in
            for row in destroyed {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO subject_keys (subject, key, created_at, destroyed_at) VALUES (?, NULL, ?, ?)",
                    arguments: [row["subject"] as String, row["created_at"] as Int64, row["destroyed_at"] as Int64?])
            }
        }
    }
}
