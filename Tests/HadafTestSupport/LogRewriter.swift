import Crypto
import Foundation
import GRDB

/// What an insider with the database file can do around the commands: change or add rows with
/// the append-only triggers dropped, then recompute every chain hash after the change from the
/// documented layout (docs/event-log.md), so that the chain alone still verifies.
public enum LogRewriter {
    /// Runs `change` on the log at `path` with its append-only triggers dropped, then rehashes
    /// every event from `position` on.
    public static func rewrite(logAt path: String, from position: Int64, _ change: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'") {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try change(db)
            try rehash(db, from: position)
        }
    }

    /// Recomputes the chain hash of every event from `position` on.
    public static func rehash(_ db: Database, from position: Int64) throws {
        var previous = try Data.fetchOne(db, sql: "SELECT hash FROM events WHERE position = ?", arguments: [position - 1]) ?? Data(count: 32)
        let rows = try Row.fetchAll(db, sql: """
            SELECT position, event_id, stream_id, stream_version, type, schema_version, payload, metadata, recorded_at
            FROM events WHERE position >= ? ORDER BY position
            """, arguments: [position])
        for row in rows {
            var bytes = previous
            func integer(_ value: Int64) { withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) } }
            func prefixed(_ data: Data) {
                withUnsafeBytes(of: UInt32(data.count).bigEndian) { bytes.append(contentsOf: $0) }
                bytes.append(data)
            }
            integer(row[0])
            bytes.append(row[1] as Data)
            prefixed(Data((row[2] as String).utf8))
            integer(row[3])
            prefixed(Data((row[4] as String).utf8))
            integer(row[5])
            prefixed(row[6] as Data)
            prefixed(row[7] as Data)
            integer(row[8])
            previous = Data(SHA256.hash(data: bytes))
            try db.execute(sql: "UPDATE events SET hash = ? WHERE position = ?", arguments: [previous, row[0] as Int64])
        }
    }
}
