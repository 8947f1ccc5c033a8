/// An event that an append parks, in its own transaction, to be appended later together with
/// the rest of its batch (``EventStore/appendDeferred(batch:)``).
///
/// It serves what must be recorded but must not be linkable to the act that caused it: the
/// credit for answering an anonymous survey is parked with the anonymous answer (so a crash can
/// separate neither from the other) and appended when the survey closes, with all the other
/// credits, in an order that says nothing about who answered when. Parked events are outside the
/// chain until appended; a parked event whose id is parked or stored already is not parked again.
public struct DeferredEvent: Sendable {
    /// The batch it waits in, e.g. one per survey.
    public let batch: String
    /// The stream it will be appended to.
    public let stream: String
    public let event: NewEvent

    public init(batch: String, stream: String, event: NewEvent) {
        self.batch = batch
        self.stream = stream
        self.event = event
    }
}
