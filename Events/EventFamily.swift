import EventStore
import Foundation

/// The events of one aggregate, as one enum: each case wraps a ``DomainEvent``.
///
/// A family knows how each of its events goes into an envelope and how to read one back, so a
/// command handler can fold a stream without knowing the types one by one.
public protocol EventFamily: Sendable, Equatable {
    /// The event to store.
    var event: any DomainEvent { get }

    /// Reads a stored event; nil when it belongs to no case of this family.
    init?(_ recorded: RecordedEvent) throws
}

extension EventFamily {
    /// The envelope for this event, with a new time-ordered id.
    public func envelope(metadata: EventMetadata) throws -> NewEvent {
        func open<E: DomainEvent>(_ event: E) throws -> NewEvent {
            try NewEvent(event, id: .timeOrdered(), metadata: metadata)
        }
        return try open(event)
    }
}
