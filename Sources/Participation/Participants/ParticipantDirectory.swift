import EventStore
import HadafEvents

/// Who a registered participant is, as the commands they issue need it: the actor (their id and
/// kind) and their university. Refuses an unknown or erased participant.
public struct ParticipantDirectory: Sendable {
    let participants: CommandHandler<Participant>

    public init(store: EventStore) {
        participants = CommandHandler(store: store)
    }

    /// A registered participant's actor and university.
    public struct Member: Sendable, Hashable {
        public let actor: Actor
        public let university: String?
        /// The group a student-group representative speaks for.
        public let studentGroup: String?

        public init(actor: Actor, university: String?, studentGroup: String? = nil) {
            self.actor = actor
            self.university = university
            self.studentGroup = studentGroup
        }
    }

    public func member(_ participantId: String) throws(DomainError) -> Member {
        let (state, _) = try participants.load(Participant.stream(participantId))
        guard let member = state.registered.flatMap(Member.init) else { throw .participantNotRegistered }
        guard !state.isErased else { throw .participantErased }
        return member
    }
}

extension ParticipantDirectory.Member {
    /// The member a registration made; nil for a kind of participant this code does not know.
    init?(_ registered: ParticipantRegistered) {
        guard let kind = Actor.Role(rawValue: registered.kind) else { return nil }
        self.init(actor: Actor(id: registered.participantId, role: kind), university: registered.university, studentGroup: registered.studentGroup)
    }
}
