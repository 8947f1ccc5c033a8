import Foundation

import HadafEvents

/// A participant's registration and erasure: stream `participant-<id>`.
public enum Participant: Decider {
    public enum Command: Sendable {
        /// Registers with personal data already sealed (the decider does no I/O).
        case register(id: String, kind: Actor.Role, university: String?, studentGroup: String?, sealedPersonal: String)
        case erase
    }

    public struct State: Sendable {
        public var registered: ParticipantRegistered?
        public var isErased = false
    }

    public typealias Event = ParticipantEvent

    public static var initialState: State { State() }

    /// The stream of a participant.
    public static func stream(_ participantId: String) -> String { ParticipantEvent.stream(participantId) }

    /// The kinds that belong to a university.
    static let kindsWithUniversity: Set<Actor.Role> = [.student, .faculty, .studentGroupRepresentative, .universityDeputyOfficer]

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        let actor = context.actor
        switch command {
        case let .register(id, kind, university, studentGroup, sealedPersonal):
            guard kind != .system else { throw .forbidden(role: actor.role, action: "register the platform itself") }
            let officers: Set<Actor.Role> = [.ministryOfficer, .system]
            let selfService: Set<Actor.Role> = [.student, .faculty]
            let deputyMay: Set<Actor.Role> = [.student, .faculty, .studentGroupRepresentative]
            guard officers.contains(actor.role)
                || (actor.role == .universityDeputyOfficer && deputyMay.contains(kind))
                || (actor.role == kind && selfService.contains(kind))
            else { throw .forbidden(role: actor.role, action: "register a \(kind.rawValue.replacingOccurrences(of: "_", with: " "))") }
            if kindsWithUniversity.contains(kind), university == nil { throw .required(field: "university") }
            if kind == .studentGroupRepresentative, studentGroup == nil { throw .required(field: "studentGroup") }
            guard state.registered == nil else { throw state.isErased ? .participantErased : .participantAlreadyRegistered }
            return [.registered(ParticipantRegistered(
                participantId: id, kind: kind.rawValue, university: university, studentGroup: studentGroup,
                personal: sealedPersonal, sealing: PersonalDataSeal.scheme))]
        case .erase:
            guard let registered = state.registered else { throw .participantNotRegistered }
            guard actor.id == registered.participantId || [.ministryOfficer, .system].contains(actor.role) else {
                throw .forbidden(role: actor.role, action: "erase another participant's data")
            }
            guard !state.isErased else { return [] }
            return [.erased(ParticipantErased(requestedBy: actor.id == registered.participantId ? "participant" : actor.role.rawValue))]
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .registered(event): state.registered = event
        case .erased: state.isErased = true
        }
        return state
    }
}
