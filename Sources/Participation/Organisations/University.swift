import HadafEvents

/// A university, its cultural deputy and its student groups: one stream, `university-<code>`,
/// so that a deputy is registered once and group names stay unique within the university.
public enum University: Decider {
    public enum Command: Sendable {
        case register(code: String, name: String, englishName: String, province: String?)
        case registerCulturalDeputy(name: String)
        case registerStudentGroup(groupId: String, name: String)
    }

    public struct State: Sendable {
        public var registered: UniversityRegistered?
        public var culturalDeputy: String?
        /// Group ids by their normalised names.
        public var groupsByName: [String: String] = [:]
        public var groupIds: Set<String> = []
    }

    public typealias Event = UniversityEvent

    public static var initialState: State { State() }

    /// The stream of the university with this code.
    public static func stream(code: String) -> String { "university-\(code)" }

    /// Who may change the registry: the ministry office and the platform itself. (A deputy
    /// officer's scope over their own university is enforced where accounts live, in the server.)
    static let registrars: Set<Actor.Role> = [.ministryOfficer, .system, .universityDeputyOfficer]

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        guard registrars.contains(context.actor.role) else { throw .forbidden(role: context.actor.role, action: "change the university registry") }
        switch command {
        case let .register(code, name, englishName, province):
            guard context.actor.role != .universityDeputyOfficer else { throw .forbidden(role: context.actor.role, action: "register a university") }
            try Validate.code(code, field: "code")
            try Validate.name(name, field: "name")
            try Validate.name(englishName, field: "englishName")
            if let province { try Validate.name(province, field: "province") }
            let event = UniversityRegistered(code: code, name: name, englishName: englishName, province: province)
            if let existing = state.registered {
                guard existing == event else { throw .universityAlreadyRegistered(code: code) }
                return []
            }
            return [.registered(event)]
        case let .registerCulturalDeputy(name):
            guard let university = state.registered else { throw .universityNotRegistered }
            try Validate.name(name, field: "name")
            if let existing = state.culturalDeputy {
                guard existing == name else { throw .culturalDeputyExists(university: university.name) }
                return []
            }
            return [.culturalDeputyRegistered(CulturalDeputyRegistered(name: name))]
        case let .registerStudentGroup(groupId, name):
            guard state.registered != nil else { throw .universityNotRegistered }
            try Validate.code(groupId, field: "groupId")
            try Validate.name(name, field: "name")
            let key = PersianNormalizer.normalize(name)
            if let existing = state.groupsByName[key] {
                guard existing == groupId else { throw .studentGroupNameTaken(name: name) }
                return []
            }
            guard !state.groupIds.contains(groupId) else { throw .studentGroupIdTaken(groupId: groupId) }
            return [.studentGroupRegistered(StudentGroupRegistered(groupId: groupId, name: name))]
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .registered(event): state.registered = event
        case let .culturalDeputyRegistered(event): state.culturalDeputy = event.name
        case let .studentGroupRegistered(event):
            state.groupsByName[PersianNormalizer.normalize(event.name)] = event.groupId
            state.groupIds.insert(event.groupId)
        }
        return state
    }
}
