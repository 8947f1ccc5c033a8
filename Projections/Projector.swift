import EventStore

/// A fold of the log into a read model: the contract the projector runtime will drive.
///
/// The runtime (issue 4) hands a projector the log's events in global order, in batches, and
/// writes the projector's rows and its checkpoint in one transaction, so a crash never applies
/// an event twice nor skips one. A projector must be deterministic: the same events give the
/// same model, so a rebuild can be compared with the model it replaces.
public protocol Projector {
    /// A stable name, used for the checkpoint and in `hadaf project --status`.
    var name: String { get }

    /// Folds one event into the model. Events of types the projector does not read are ignored.
    mutating func apply(_ event: RecordedEvent) throws
}
