import Foundation
import GRDB

extension EventStore {
    /// Events from `position` on (inclusive), in log order, at most `limit` of them.
    /// Reading a long log is a loop of pages: read from the last position seen plus one.
    public func read(from position: Int64 = 1, limit: Int = 1000) throws(EventStoreError) -> [RecordedEvent] {
        guard position >= 1 else { throw .invalidPosition(position) }
        return try mapErrors {
            try pool.readOneStatement { db in
                let statement = try RawStatement(db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position >= ? ORDER BY position LIMIT ?")
                statement.bind(position, at: 1)
                statement.bind(Int64(limit), at: 2)
                return try statement.recordedEvents(capacity: limit)
            }
        }
    }

    /// The events of one stream from `version` on (inclusive), in stream order.
    public func readStream(_ stream: String, from version: Int64 = 1, limit: Int = .max) throws(EventStoreError) -> [RecordedEvent] {
        try mapErrors {
            try pool.readOneStatement { db in
                let statement = try RawStatement(db, sql: """
                    SELECT \(RecordedEvent.columns) FROM events
                    WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?
                    """)
                statement.bind(stream, at: 1)
                statement.bind(version, at: 2)
                statement.bind(Int64(clamping: limit), at: 3)
                return try statement.recordedEvents(capacity: 16)
            }
        }
    }

    /// The version of the stream's last event, or 0 when the stream has none.
    public func streamVersion(of stream: String) throws(EventStoreError) -> Int64 {
        try mapErrors {
            try pool.readOneStatement { db in
                try Int64.fetchOne(db, sql: "SELECT MAX(stream_version) FROM events WHERE stream_id = ?", arguments: [stream]) ?? 0
            }
        }
    }

    /// The last event's position and hash, or nil for an empty log.
    public func head() throws(EventStoreError) -> LogHead? {
        try mapErrors {
            try pool.readOneStatement { db in
                try Row.fetchOne(db, sql: "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
                    .map { LogHead(position: $0[0], hash: $0[1]) }
            }
        }
    }
}

extension RecordedEvent {
    /// The columns, in the order ``RawStatement/recordedEvents(capacity:)`` reads them.
    static let columns = "position, event_id, stream_id, stream_version, type, schema_version, payload, metadata, recorded_at, hash"
}

extension RawStatement {
    /// Every remaining row as an event; resets the statement.
    ///
    /// The rows' payloads, metadata and hashes are copied into one buffer (``PageBuffer``),
    /// which their events share as slices: each of them in a buffer of its own made six allocations an event, and
    /// freeing a rebuild's pages of twenty thousand events took 7% of the thread that dropped
    /// them last. A page's buffer lives while any of its events does.
    func recordedEvents(capacity: Int) throws(EventStoreError) -> [RecordedEvent] {
        defer { reset() }
        var rows: [PageRow] = []
        rows.reserveCapacity(Swift.min(capacity, 10_000))
        var buffer = PageBuffer()
        while try step() {
            rows.append(PageRow(
                position: int64(at: 0), id: uuid(at: 1), stream: text(at: 2), streamVersion: int64(at: 3),
                type: text(at: 4), schemaVersion: int64(at: 5), payload: buffer.append(bytes(at: 6)), metadata: buffer.append(bytes(at: 7)),
                recordedAtMilliseconds: int64(at: 8), hash: buffer.append(bytes(at: 9))))
        }
        let bytes = buffer.data()
        return rows.map { row in
            RecordedEvent(
                position: row.position, id: row.id, stream: row.stream, streamVersion: row.streamVersion, type: row.type,
                schemaVersion: row.schemaVersion, payload: bytes[row.payload], metadataJSON: bytes[row.metadata],
                recordedAtMilliseconds: row.recordedAtMilliseconds, hash: bytes[row.hash])
        }
    }
}

/// A row read for a page of events, its byte columns as ranges of the page's buffer.
private struct PageRow {
    let position: Int64
    let id: UUID
    let stream: String
    let streamVersion: Int64
    let type: String
    let schemaVersion: Int64
    let payload: Range<Int>
    let metadata: Range<Int>
    let recordedAtMilliseconds: Int64
    let hash: Range<Int>
}
