import Foundation
import GRDB

/// Applies appends inside one write transaction: checks each against the log as it stands
/// (including what earlier appends of the same transaction wrote), then writes its events with
/// their positions, stream versions and chain hashes.
///
/// A refusal (version conflict, reused key, conflicting id) is returned as a failed result and
/// writes nothing of that append; only a storage failure is thrown, and it aborts the whole
/// transaction.
struct AppendSession {
    typealias Outcome = Result<AppendResult, EventStoreError>

    private let insertEvent: RawStatement
    private let findEvent: RawStatement
    private let findStreamVersion: RawStatement
    private let findKey: RawStatement
    private let insertKey: RawStatement
    private let park: RawStatement
    private var hasher = ChainHasher()
    private var streamVersions: [String: Int64] = [:]
    private var headHash: [UInt8]
    private var nextHash: [UInt8] = []
    private let recordedAt: Int64

    /// The position of the last event written or found so far.
    private(set) var headPosition: Int64

    /// Reads the head of the log; `now` is the recording time, kept from going backwards.
    init(_ db: Database, now: Int64) throws {
        insertEvent = try RawStatement(db, sql: """
            INSERT INTO events (position, event_id, stream_id, stream_version, type, schema_version,
                                payload, metadata, recorded_at, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        findEvent = try RawStatement(db, sql: "SELECT position, stream_id, stream_version FROM events WHERE event_id = ?")
        findStreamVersion = try RawStatement(db, sql: "SELECT MAX(stream_version) FROM events WHERE stream_id = ?")
        findKey = try RawStatement(db, sql: """
            SELECT stream_id, first_position, last_position, last_stream_version, content_hash
            FROM idempotency_keys WHERE key = ?
            """)
        insertKey = try RawStatement(db, sql: """
            INSERT INTO idempotency_keys (key, stream_id, first_position, last_position, last_stream_version, content_hash)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        park = try RawStatement(db, sql: """
            INSERT INTO deferred_events (event_id, batch, stream_id, type, schema_version, payload, metadata)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM events WHERE event_id = ?1)
            ON CONFLICT (event_id) DO NOTHING
            """)
        let head = try RawStatement(db, sql: "SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1")
        defer { head.reset() }
        if try head.step() {
            headPosition = head.int64(at: 0)
            headHash = Array(head.bytes(at: 1))
            recordedAt = max(now, head.int64(at: 2))
        } else {
            headPosition = 0
            headHash = ChainHasher.genesis
            recordedAt = now
        }
    }

    /// Applies one append: its result, or the reason it was refused.
    mutating func apply(_ append: StreamAppend) throws(EventStoreError) -> Outcome {
        if let key = append.idempotencyKey, let earlier = try lookUpKey(key) {
            guard earlier.contentHash == append.contentHash else { return .failure(.idempotencyKeyReused(key: key)) }
            return .success(earlier.result)
        }
        // A fresh single event needs no look-up: the unique index on event_id tells, below.
        if append.events.count > 1, let earlier = try lookUpStoredIds(of: append) { return earlier }
        let current = try streamVersion(of: append.stream)
        guard append.expectedVersion.isSatisfied(by: current) else {
            // A retry of an append that went through finds its stream moved on by itself.
            if append.events.count == 1, let earlier = try lookUpStoredIds(of: append) { return earlier }
            return .failure(.versionConflict(stream: append.stream, expected: append.expectedVersion, actual: current))
        }
        let firstPosition = headPosition + 1
        var version = current
        for event in append.events {
            version += 1
            guard try insert(event, stream: append.stream, version: version) else {
                // Only a single-event append gets here: its id is stored (the insert wrote nothing).
                return try lookUpStoredIds(of: append) ?? .failure(.eventIdConflict(id: event.id))
            }
        }
        streamVersions[append.stream] = version
        for parked in append.deferred { try self.park(parked) }
        let result = AppendResult(
            stream: append.stream, firstPosition: firstPosition, lastPosition: headPosition,
            lastStreamVersion: version, wasAlreadyStored: false)
        if let key = append.idempotencyKey, let contentHash = append.contentHash {
            try register(key, result: result, contentHash: contentHash)
        }
        return .success(result)
    }

    // MARK: - Writing

    /// Writes one event; returns false, writing nothing, when its id is already stored.
    private mutating func insert(_ event: NewEvent, stream: String, version: Int64) throws(EventStoreError) -> Bool {
        let position = headPosition + 1
        event.payload.withUnsafeBytes { payload in
            event.metadata.withUnsafeBytes { metadata in
                headHash.withUnsafeBytes { previous in
                    hasher.hash(
                        previous: previous, position: position, id: event.id, stream: stream,
                        streamVersion: version, type: event.type, schemaVersion: event.schemaVersion,
                        payload: payload, metadata: metadata, recordedAt: recordedAt, into: &nextHash)
                }
                insertEvent.bind(position, at: 1)
                insertEvent.bind(event.id, at: 2)
                insertEvent.bind(stream, at: 3)
                insertEvent.bind(version, at: 4)
                insertEvent.bind(event.type, at: 5)
                insertEvent.bind(event.schemaVersion, at: 6)
                insertEvent.bindText(payload, at: 7)
                insertEvent.bindText(metadata, at: 8)
                insertEvent.bind(recordedAt, at: 9)
                nextHash.withUnsafeBytes { insertEvent.bindBlob($0, at: 10) }
            }
        }
        guard try insertEvent.executeUnlessDuplicate() else { return false }
        headPosition = position
        swap(&headHash, &nextHash)
        return true
    }

    private func park(_ parked: DeferredEvent) throws(EventStoreError) {
        park.bind(parked.event.id, at: 1)
        park.bind(parked.batch, at: 2)
        park.bind(parked.stream, at: 3)
        park.bind(parked.event.type, at: 4)
        park.bind(parked.event.schemaVersion, at: 5)
        parked.event.payload.withUnsafeBytes { park.bindText($0, at: 6) }
        parked.event.metadata.withUnsafeBytes { park.bindText($0, at: 7) }
        try park.execute()
    }

    private func register(_ key: String, result: AppendResult, contentHash: [UInt8]) throws(EventStoreError) {
        insertKey.bind(key, at: 1)
        insertKey.bind(result.stream, at: 2)
        insertKey.bind(result.firstPosition, at: 3)
        insertKey.bind(result.lastPosition, at: 4)
        insertKey.bind(result.lastStreamVersion, at: 5)
        contentHash.withUnsafeBytes { insertKey.bindBlob($0, at: 6) }
        try insertKey.execute()
    }

    // MARK: - Looking up what is stored

    private mutating func streamVersion(of stream: String) throws(EventStoreError) -> Int64 {
        if let cached = streamVersions[stream] { return cached }
        findStreamVersion.bind(stream, at: 1)
        defer { findStreamVersion.reset() }
        let version = try findStreamVersion.step() ? findStreamVersion.int64(at: 0) : 0
        streamVersions[stream] = version
        return version
    }

    private func lookUpKey(_ key: String) throws(EventStoreError) -> (result: AppendResult, contentHash: [UInt8])? {
        findKey.bind(key, at: 1)
        defer { findKey.reset() }
        guard try findKey.step() else { return nil }
        let result = AppendResult(
            stream: findKey.text(at: 0), firstPosition: findKey.int64(at: 1), lastPosition: findKey.int64(at: 2),
            lastStreamVersion: findKey.int64(at: 3), wasAlreadyStored: true)
        return (result, Array(findKey.bytes(at: 4)))
    }

    /// Nil when none of the append's ids is stored. When all are, as this same append to this
    /// same stream (in order, contiguous), the positions first recorded; otherwise a conflict.
    private func lookUpStoredIds(of append: StreamAppend) throws(EventStoreError) -> Outcome? {
        var first: (position: Int64, version: Int64)?
        var last: (position: Int64, version: Int64)?
        for (offset, event) in append.events.enumerated() {
            findEvent.bind(event.id, at: 1)
            defer { findEvent.reset() }
            guard try findEvent.step() else {
                if offset == 0 { return nil }
                return .failure(.eventIdConflict(id: append.events[0].id))
            }
            let position = findEvent.int64(at: 0)
            let version = findEvent.int64(at: 2)
            guard findEvent.text(at: 1) == append.stream, first.map({ position == $0.position + Int64(offset) }) ?? true else {
                return .failure(.eventIdConflict(id: event.id))
            }
            if first == nil { first = (position, version) }
            last = (position, version)
        }
        guard let first, let last else { return nil }
        return .success(AppendResult(
            stream: append.stream, firstPosition: first.position, lastPosition: last.position,
            lastStreamVersion: last.version, wasAlreadyStored: true))
    }
}
