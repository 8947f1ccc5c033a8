import EventStore
import HadafEvents

/// Every registered participant's actor and university, folded from the log in memory: what
/// ``ParticipantDirectory`` reads from one participant's stream, for a process that already
/// follows the whole log (the ``DuplicateCatalogue``) and so finds a submitter without a read
/// of its own. Its refusals are the directory's.
struct ParticipantRoster: Sendable {
    private var members: [String: ParticipantDirectory.Member] = [:]
    private var erased: Set<String> = []

    /// The event types the roster folds; it skips others without decoding them.
    static let types: Set<String> = [ParticipantRegistered.eventType, ParticipantErased.eventType]

    mutating func apply(_ recorded: RecordedEvent) throws(DomainError) {
        let id = ParticipantEvent.participant(ofStream: recorded.stream) ?? recorded.stream
        switch ParticipantEvent.reading(recorded) {
        case let .registered(registered)?: members[id] = ParticipantDirectory.Member(registered)
        case .erased?: erased.insert(id)
        case nil: break
        }
    }

    func member(_ participantId: String) throws(DomainError) -> ParticipantDirectory.Member {
        guard let member = members[participantId] else { throw .participantNotRegistered }
        guard !erased.contains(participantId) else { throw .participantErased }
        return member
    }
}
