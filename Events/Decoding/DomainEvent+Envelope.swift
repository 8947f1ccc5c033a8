import EventStore
import Foundation

extension NewEvent {
    /// The envelope for a domain event: its type name, schema version and JSON payload.
    ///
    /// Payload keys are sorted, so equal events encode to equal bytes, which the log's
    /// idempotency-key check relies on when a command is retried. The bytes are those of
    /// `JSONEncoder` with sorted keys, unescaped slashes and dates in milliseconds
    /// (``PayloadEncoder``), so events stored before and after agree.
    public init<E: DomainEvent>(_ event: E, id: UUID = .timeOrdered(), metadata: EventMetadata) throws {
        try self.init(
            id: id, type: E.eventType, schemaVersion: E.schemaVersion,
            payload: PayloadEncoder.encode(event), metadata: metadata)
    }
}

extension RecordedEvent {
    /// The decoder handed to ``DomainEvent/upcast(_:from:decoder:)`` for payloads of older versions.
    private static let upcastDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }()

    /// The payload decoded as `E` when this event is of E's type, upcast from an older schema
    /// version when needed. Returns nil for another type; throws when the payload does not
    /// decode, is of a newer schema version than this code knows, or holds a value out of
    /// bounds (``BoundsError``).
    public func decode<E: DomainEvent>(as _: E.Type) throws -> E? {
        guard type == E.eventType else { return nil }
        let event: E
        if schemaVersion == E.schemaVersion {
            event = try PayloadDecoder.decode(E.self, from: JSONValue(parsing: payload))
        } else {
            guard schemaVersion < E.schemaVersion else { throw UpcastError(eventType: type, version: schemaVersion) }
            event = try E.upcast(payload, from: schemaVersion, decoder: Self.upcastDecoder)
        }
        try event.checkBounds()
        return event
    }
}

extension RecordedEvent {
    /// The payload decoded as `E` and wrapped into an event family's case, when this event is of
    /// E's type: `try recorded.decode(as: A.self, Family.a) ?? recorded.decode(as: B.self, Family.b)`.
    public func decode<E: DomainEvent, Family>(as type: E.Type, _ wrap: (E) -> Family) throws -> Family? {
        try decode(as: type).map(wrap)
    }
}
