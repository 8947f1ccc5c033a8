import Foundation
import EventStore

/// A university joined HADAF. Stream: `university-<code>`.
///
/// Schema version 2 added `province`, for the ministry's reports by province; version-1 events
/// are upcast with the province of a known university, or none.
public struct UniversityRegistered: DomainEvent {
    public static let eventType = "university.registered"
    public static let schemaVersion: Int64 = 2
    /// A short, stable, Latin code, e.g. `sharif`.
    public let code: String
    /// The Persian name, e.g. «دانشگاه صنعتی شریف».
    public let name: String
    public let englishName: String
    /// The province (استان) in Persian, e.g. «تهران»; nil when not known.
    public let province: String?

    public init(code: String, name: String, englishName: String, province: String?) {
        self.code = code
        self.name = name
        self.englishName = englishName
        self.province = province
    }

    /// The shape of schema version 1.
    struct Version1: Decodable {
        let code: String
        let name: String
        let englishName: String
    }

    public static func upcast(_ payload: Data, from version: Int64, decoder: JSONDecoder) throws -> UniversityRegistered {
        guard version == 1 else { throw UpcastError(eventType: eventType, version: version) }
        let old = try decoder.decode(Version1.self, from: payload)
        return UniversityRegistered(code: old.code, name: old.name, englishName: old.englishName, province: knownProvinces[old.code])
    }

    /// The provinces of domain.md's universities: those registered before version 2, and the
    /// demo set.
    public static let knownProvinces: [String: String] = [
        "alzahra": "تهران", "modares": "تهران", "razi": "کرمانشاه", "scu": "خوزستان", "pwut": "تهران",
        "kntu": "تهران", "iut": "اصفهان", "iust": "تهران", "um": "خراسان رضوی", "yazd": "یزد",
        "sharif": "تهران", "aut": "تهران", "tabrizu": "آذربایجان شرقی", "ut": "تهران",
    ]
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
