import GRDB

/// The log's tables, created and evolved through GRDB's `DatabaseMigrator`.
///
/// - `events`: one row per event, in global order. `position` is the rowid. Triggers refuse
///   every UPDATE and DELETE, from this code or from the sqlite3 shell alike.
/// - `idempotency_keys`: which append each command idempotency key produced, so a retried
///   command gets its first result back. Append-only too.
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
        return migrator
    }

    /// The identifier of the migration that creates the log: its presence marks a HADAF file.
    static let firstMigration = "v1-events"
}
