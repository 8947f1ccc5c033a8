import Foundation

/// What a submission says: an idea, or the write-up of a completed experience.
public enum SubmissionContent: Codable, Hashable, Sendable {
    case idea(IdeaContent)
    case experience(ExperienceContent)

    /// The title, whichever the kind.
    public var title: String {
        switch self {
        case let .idea(idea): idea.title
        case let .experience(experience): experience.title
        }
    }

    /// The text compared for duplicates: the title and the summary.
    public var comparableText: String {
        switch self {
        case let .idea(idea): idea.title + " " + idea.summary
        case let .experience(experience): experience.title + " " + experience.summary
        }
    }
}

/// A new creative idea (ایده خلاقانه).
public struct IdeaContent: Codable, Hashable, Sendable {
    public var title: String
    public var summary: String
    /// The problem it addresses.
    public var problem: String
    /// What it proposes to do.
    public var proposal: String
    public var expectedImpact: String
    public var category: SubmissionCategory

    public init(title: String, summary: String, problem: String, proposal: String, expectedImpact: String, category: SubmissionCategory) {
        self.title = title
        self.summary = summary
        self.problem = problem
        self.proposal = proposal
        self.expectedImpact = expectedImpact
        self.category = category
    }
}

/// A completed innovative experience (تجربه نوآورانه خاتمه‌یافته): what was done, when and where,
/// what came of it, and the evidence.
public struct ExperienceContent: Codable, Hashable, Sendable {
    public var title: String
    /// What was done.
    public var summary: String
    public var startedOn: Date
    public var endedOn: Date
    /// Where it happened.
    public var place: String
    public var results: String
    public var category: SubmissionCategory
    /// Attachments, by the hash of their content (the files are stored beside the database).
    public var evidence: [EvidenceReference]
    /// The earlier idea this experience carried out, if any.
    public var carriesOutIdea: String?

    public init(
        title: String, summary: String, startedOn: Date, endedOn: Date, place: String, results: String,
        category: SubmissionCategory, evidence: [EvidenceReference], carriesOutIdea: String? = nil
    ) {
        self.title = title
        self.summary = summary
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.place = place
        self.results = results
        self.category = category
        self.evidence = evidence
        self.carriesOutIdea = carriesOutIdea
    }
}

/// An attachment named by the SHA-256 of its content.
public struct EvidenceReference: Codable, Hashable, Sendable {
    /// 64 lower-case hex digits.
    public var sha256: String
    public var fileName: String
    public var mediaType: String
    public var byteCount: Int

    public init(sha256: String, fileName: String, mediaType: String, byteCount: Int) {
        self.sha256 = sha256
        self.fileName = fileName
        self.mediaType = mediaType
        self.byteCount = byteCount
    }
}

/// The field of culture a submission belongs to.
public enum SubmissionCategory: String, Codable, Hashable, Sendable, CaseIterable {
    case cultural, artistic, literary, religious, social, volunteering, environmental, health, sport, media, scientific, international, other

    public var persianName: String {
        switch self {
        case .cultural: "فرهنگی"
        case .artistic: "هنری"
        case .literary: "ادبی"
        case .religious: "دینی و قرآنی"
        case .social: "اجتماعی"
        case .volunteering: "داوطلبانه و خیریه"
        case .environmental: "محیط زیست"
        case .health: "سلامت"
        case .sport: "ورزشی"
        case .media: "رسانه"
        case .scientific: "علمی و ترویجی"
        case .international: "بین‌المللی"
        case .other: "دیگر"
        }
    }
}

/// One author and their share of the credit; the shares of a submission sum to 100.
public struct SubmissionAuthor: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case participant
        case studentGroup = "student_group"
    }

    public var kind: Kind
    /// A participant id, or a student group id.
    public var id: String
    /// Percent of the credit, 1 to 100.
    public var share: Int

    public init(kind: Kind, id: String, share: Int) {
        self.kind = kind
        self.id = id
        self.share = share
    }
}
