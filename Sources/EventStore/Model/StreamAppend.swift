import Crypto
import Foundation

/// Events to append to one stream, checked before they reach the writer.
///
/// Checking happens on the caller's task, not in the writer's transaction: the single writer
/// only decides what depends on the log's state (versions, ids, idempotency keys).
public struct StreamAppend: Sendable {
    /// The stream appended to.
    public let stream: String
    /// The events, in order.
    public let events: [NewEvent]
    /// Events to park in the same transaction (see ``DeferredEvent``).
    public let deferred: [DeferredEvent]
    /// What the stream's version must be for the append to go ahead.
    public let expectedVersion: ExpectedVersion
    /// The command's idempotency key that every event's metadata carries, if any.
    let idempotencyKey: String?
    /// SHA-256 of what the append says (stream, and each event's type, schema version and
    /// payload), to tell a retry from a different request that reuses its idempotency key.
    let contentHash: [UInt8]?

    /// Checks the append: at least one event, a valid stream id, no event id twice, and one
    /// idempotency key (or none) across its events.
    public init(stream: String, events: [NewEvent], expectedVersion: ExpectedVersion = .any, deferring deferred: [DeferredEvent] = []) throws(EventStoreError) {
        guard !events.isEmpty else { throw .emptyAppend }
        guard StreamName.isValid(stream) else { throw .invalidStreamId(stream) }
        if case let .exact(version) = expectedVersion, version < 0 { throw .invalidPosition(version) }
        if events.count > 1 {
            var seen = Set<UUID>(minimumCapacity: events.count)
            for event in events where !seen.insert(event.id).inserted { throw .duplicateEventIdInAppend(id: event.id) }
        }
        let key = events[0].idempotencyKey
        guard events.allSatisfy({ $0.idempotencyKey == key }) else { throw .mixedIdempotencyKeys }
        for parked in deferred where !StreamName.isValid(parked.stream) { throw .invalidStreamId(parked.stream) }
        self.stream = stream
        self.events = events
        self.deferred = deferred
        self.expectedVersion = expectedVersion
        self.idempotencyKey = key
        self.contentHash = key.map { _ in Self.contentHash(stream: stream, events: events) }
    }

    private static func contentHash(stream: String, events: [NewEvent]) -> [UInt8] {
        var hasher = SHA256()
        func add(_ bytes: some Collection<UInt8>) {
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: Array(bytes))
        }
        add(stream.utf8)
        for event in events {
            add(event.type.utf8)
            withUnsafeBytes(of: event.schemaVersion.bigEndian) { hasher.update(bufferPointer: $0) }
            add(event.payload)
        }
        return Array(hasher.finalize())
    }
}
