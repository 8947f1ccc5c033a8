import EventStore
import GRDB
import HadafEvents

/// The events each projector skipped because it could not read them (``UnreadableEvent``): an
/// amount out of bounds, a malformed payload, a newer schema version.
///
/// A projector never stops at such an event, since the log cannot be edited and one crafted event
/// would otherwise stop a read model for good; it writes the event here, in the same transaction
/// as the page it skipped it in, and goes on. `hadaf project --status` lists them, so that the
/// skip is seen rather than silent (the audit finds the award and festival events it cannot read
/// on its own reading of the log).
public enum SkippedEvents {
    /// One skipped event: where it is, which projector skipped it, and why.
    public struct Entry: Codable, Hashable, Sendable {
        public let projector: String
        public let position: Int64
        public let type: String
        public let reason: String
    }

    static func createTable(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS skipped_events (
                projector TEXT NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL, reason TEXT NOT NULL,
                PRIMARY KEY (projector, position)
            ) WITHOUT ROWID
            """)
    }

    static func record(_ event: UnreadableEvent, by projector: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO skipped_events (projector, position, type, reason) VALUES (?, ?, ?, ?)",
            arguments: [projector, event.position, event.type, String(event.reason.prefix(500))])
    }

    /// Every skipped event, by position (at most `limit`).
    public static func all(in model: ReadModel, limit: Int = 1000) throws(ProjectionError) -> [Entry] {
        try model.read { db in
            try Row.fetchAll(db, sql: "SELECT projector, position, type, reason FROM skipped_events ORDER BY position, projector LIMIT ?", arguments: [limit])
                .map { Entry(projector: $0[0], position: $0[1], type: $0[2], reason: $0[3]) }
        }
    }
}

extension ProjectionFold {
    /// Applies `event`, or, when it cannot be read, records it as skipped by `projector` and goes
    /// on. Any other error (the storage, a bug) is thrown, as before.
    func applyTolerantly(_ event: RecordedEvent, by projector: String, in db: Database) throws {
        do {
            try apply(event, in: db)
        } catch where UnreadableEvent.isUnreadable(error) {
            try SkippedEvents.record(UnreadableEvent(position: event.position, type: event.type, reason: String(describing: error)), by: projector, in: db)
        }
    }
}
