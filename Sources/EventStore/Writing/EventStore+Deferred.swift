import Foundation
import GRDB

extension EventStore {
    /// Appends every event parked in `batch`, in the order of their ids (which the parking code
    /// chooses at random, so the order says nothing about when each was parked), then forgets
    /// them. Safe to run again: events already appended are recognised by their ids.
    ///
    /// - Returns: how many events were appended.
    @discardableResult
    public func appendDeferred(batch: String) async throws(EventStoreError) -> Int {
        let parked: [(stream: String, event: NewEvent)] = try mapErrors {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT event_id, stream_id, type, schema_version, payload, metadata
                    FROM deferred_events WHERE batch = ? ORDER BY event_id
                    """, arguments: [batch]).map { row in
                    let id: Data = row[0]
                    let event = NewEvent(
                        unchecked: id.withUnsafeBytes { UUID(bytes: $0) }, type: row[2], schemaVersion: row[3],
                        payload: row[4], metadata: row[5], idempotencyKey: nil)
                    return (row[1], event)
                }
            }
        }
        var appended = 0
        for (stream, events) in Dictionary(grouping: parked, by: \.stream).sorted(by: { $0.key < $1.key }) {
            let result = try await append(events.map(\.event), to: stream)
            if !result.wasAlreadyStored { appended += events.count }
        }
        try mapErrors {
            try pool.write { db in try db.execute(sql: "DELETE FROM deferred_events WHERE batch = ?", arguments: [batch]) }
        }
        return appended
    }

    /// How many events wait in `batch`.
    public func deferredCount(batch: String) throws(EventStoreError) -> Int {
        try mapErrors {
            try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM deferred_events WHERE batch = ?", arguments: [batch]) ?? 0 }
        }
    }
}
