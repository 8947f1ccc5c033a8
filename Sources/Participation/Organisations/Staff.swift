import HadafEvents

/// A ministry officer's appointment: one stream, `staff-<officer id>`. The ministry (or the
/// platform itself, for the first officer) appoints and dismisses; the audit counts an
/// officer's acts only while an appointment stands (docs/awards.md).
public enum Staff: Decider {
    public enum Command: Sendable {
        case appoint(officerId: String, role: Actor.Role)
        case dismiss(officerId: String, reason: String)
    }

    public struct State: Sendable {
        public var appointed: StaffAppointed?
    }

    public typealias Event = StaffEvent

    public static var initialState: State { State() }

    public static func stream(_ officerId: String) -> String { StaffEvent.stream(officerId) }

    /// The platform itself, as the operator's shell appoints the first officers
    /// (`hadaf account add`, `hadaf init --demo`).
    public static let platform = Actor(id: "hadaf-platform", role: .system)

    /// The roles appointed here; deputy officers are registered as participants of their
    /// university instead.
    static let appointable: Set<Actor.Role> = [.ministryOfficer]

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        guard [.ministryOfficer, .system].contains(context.actor.role) else { throw .forbidden(role: context.actor.role, action: "appoint or dismiss officers") }
        switch command {
        case let .appoint(officerId, role):
            try Validate.code(officerId, field: "officerId")
            guard appointable.contains(role) else { throw .staffRoleNotAppointable(role) }
            if state.appointed != nil { return [] }
            return [.appointed(StaffAppointed(officerId: officerId, role: role.rawValue))]
        case let .dismiss(officerId, reason):
            try Validate.name(reason, field: "reason")
            guard state.appointed != nil else { throw .staffNotAppointed(officerId) }
            return [.dismissed(StaffDismissed(officerId: officerId, reason: reason))]
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .appointed(event): state.appointed = event
        case .dismissed: state.appointed = nil
        }
        return state
    }
}
