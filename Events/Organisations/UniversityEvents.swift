import EventStore

/// A university joined HADAF. Stream: `university-<code>`.
public struct UniversityRegistered: DomainEvent {
    public static let eventType = "university.registered"
    /// A short, stable, Latin code, e.g. `sharif`.
    public let code: String
    /// The Persian name, e.g. «دانشگاه صنعتی شریف».
    public let name: String
    public let englishName: String

    public init(code: String, name: String, englishName: String) {
        self.code = code
        self.name = name
        self.englishName = englishName
    }
}

/// The university's cultural and social deputy (معاونت فرهنگی و اجتماعی), a legal person that
/// takes part for its university. One per university.
public struct CulturalDeputyRegistered: DomainEvent {
    public static let eventType = "university.cultural_deputy_registered"
    public let name: String

    public init(name: String) {
        self.name = name
    }
}

/// A student group (گروه / تشکل دانشجویی) of the university, a legal person that submits ideas
/// and experiences as a team.
public struct StudentGroupRegistered: DomainEvent {
    public static let eventType = "student_group.registered"
    public let groupId: String
    public let name: String

    public init(groupId: String, name: String) {
        self.groupId = groupId
        self.name = name
    }
}

/// The events of a university's stream.
public enum UniversityEvent: EventFamily {
    case registered(UniversityRegistered)
    case culturalDeputyRegistered(CulturalDeputyRegistered)
    case studentGroupRegistered(StudentGroupRegistered)

    public var event: any DomainEvent {
        switch self {
        case let .registered(event): event
        case let .culturalDeputyRegistered(event): event
        case let .studentGroupRegistered(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        guard let event = try recorded.decode(as: UniversityRegistered.self, Self.registered)
            ?? recorded.decode(as: CulturalDeputyRegistered.self, Self.culturalDeputyRegistered)
            ?? recorded.decode(as: StudentGroupRegistered.self, Self.studentGroupRegistered)
        else { return nil }
        self = event
    }
}
