import GRDB

/// The log's tables, created and evolved through GRDB's `DatabaseMigrator`.
///
/// - `events`: one row per event, in global order. `position` is the rowid. Triggers refuse
///   every UPDATE and DELETE, from this code or from the sqlite3 shell alike.
/// - `idempotency_keys`: which append each command idempotency key produced, so a retried
///   command gets its first result back. Append-only too.
/// - `subject_keys`: per-subject encryption keys for personal data, outside the chain; a key can
///   only be destroyed (crypto-shredding), never replaced.
/// - `deferred_events`: events an append parks for a later batch (see ``DeferredEvent``).
public enum EventLogSchema {
    /// The DDL of the `events` table and its indexes, for tools that build an equivalent table
    /// to measure SQLite itself against the log (`tools/bench`).
    public static let eventsTable = """
        CREATE TABLE events (
            position INTEGER PRIMARY KEY,
            event_id BLOB NOT NULL UNIQUE CHECK (length(event_id) = 16),
            stream_id TEXT NOT NULL,
            stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
            type TEXT NOT NULL,
            schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
            payload TEXT NOT NULL,
            metadata TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            hash BLOB NOT NULL CHECK (length(hash) = 32),
            UNIQUE (stream_id, stream_version)
        );
        """

    /// The migrator every store runs when it opens a file.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
            try db.execute(sql: eventsTable)
            try db.execute(sql: """
                CREATE TABLE idempotency_keys (
                    key TEXT PRIMARY KEY NOT NULL,
                    stream_id TEXT NOT NULL,
                    first_position INTEGER NOT NULL,
                    last_position INTEGER NOT NULL,
                    last_stream_version INTEGER NOT NULL,
                    content_hash BLOB NOT NULL
                ) WITHOUT ROWID;
                """)
            for table in ["events", "idempotency_keys"] {
                for operation in ["UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_refuse_\(operation.lowercased())
                        BEFORE \(operation) ON \(table)
                        BEGIN
                            SELECT RAISE(ABORT, 'hadaf: \(table) is append-only; \(operation) is refused');
                        END;
                        """)
                }
            }
        }
        migrator.registerMigration("v2-subject-keys") { db in
            // Keys that encrypt personal data, outside the chain: destroying one erases what it
            // sealed while every event, and so the chain, stays as it was. A key is never
            // replaced and a row never deleted: the only change is setting `key` to NULL.
            try db.execute(sql: """
                CREATE TABLE subject_keys (
                    subject TEXT PRIMARY KEY NOT NULL,
                    key BLOB CHECK (key IS NULL OR length(key) = 32),
                    created_at INTEGER NOT NULL,
                    destroyed_at INTEGER
                ) WITHOUT ROWID;
                CREATE TRIGGER subject_keys_refuse_delete BEFORE DELETE ON subject_keys
                BEGIN
                    SELECT RAISE(ABORT, 'hadaf: subject_keys rows are kept; destroy a key by setting it to NULL');
                END;
                CREATE TRIGGER subject_keys_refuse_replace BEFORE UPDATE ON subject_keys
                WHEN NEW.key IS NOT NULL OR NEW.subject IS NOT OLD.subject
                BEGIN
                    SELECT RAISE(ABORT, 'hadaf: a subject key is never replaced, only destroyed');
                END;
                """)
        }
        migrator.registerMigration("v3-deferred-events") { db in
            // Events parked by an append, in its transaction, to be appended later in a batch:
            // outside the chain, deleted once appended.
            try db.execute(sql: """
                CREATE TABLE deferred_events (
                    event_id BLOB PRIMARY KEY NOT NULL,
                    batch TEXT NOT NULL,
                    stream_id TEXT NOT NULL,
                    type TEXT NOT NULL,
                    schema_version INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    metadata TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX deferred_events_by_batch ON deferred_events (batch);
                """)
        }
        return migrator
    }

    /// The identifier of the migration that creates the log: its presence marks a HADAF file.
    static let firstMigration = "v1-events"
}
