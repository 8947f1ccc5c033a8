import EventStore

/// A draft or a revision as a listing shows it: its kind, title, category and authors, and for a
/// draft its submitter and university, read without building its long texts.
///
/// The catalogue reads every draft in the log; building each one's summary, problem, proposal
/// and impact (most of its bytes) was most of that reading, for text the catalogue never shows.
/// The whole payload is still checked as JSON, and a payload of an older schema version is
/// decoded (and upcast) whole.
public struct SubmissionHeading: Sendable, Equatable {
    public let isIdea: Bool
    public let title: String
    public let category: SubmissionCategory
    public let authors: [SubmissionAuthor]
    /// The draft's submitter and university; nil for a revision, which keeps the draft's.
    public let submitter: String?
    public let university: String?

    public init(isIdea: Bool, title: String, category: SubmissionCategory, authors: [SubmissionAuthor], submitter: String?, university: String?) {
        self.isIdea = isIdea
        self.title = title
        self.category = category
        self.authors = authors
        self.submitter = submitter
        self.university = university
    }

    /// The heading a draft or a revision records; nil for an event of another type.
    public static func of(_ event: RecordedEvent) throws -> SubmissionHeading? {
        switch event.type {
        case SubmissionDrafted.eventType:
            guard event.schemaVersion == SubmissionDrafted.schemaVersion else {
                return try event.decode(as: SubmissionDrafted.self).map {
                    SubmissionHeading($0.content, authors: $0.authors, submitter: $0.submitter, university: $0.university)
                }
            }
            let payload = try JSONObject(parsing: event.payload, keeping: ["authors", "submitter", "university"], outlining: ["content"], keepingWithin: ["title", "category"])
            return try heading(payload, submitter: payload.string("submitter"), university: payload.string("university"))
        case SubmissionRevised.eventType:
            guard event.schemaVersion == SubmissionRevised.schemaVersion else {
                return try event.decode(as: SubmissionRevised.self).map { SubmissionHeading($0.content, authors: $0.authors, submitter: nil, university: nil) }
            }
            let payload = try JSONObject(parsing: event.payload, keeping: ["authors"], outlining: ["content"], keepingWithin: ["title", "category"])
            return try heading(payload, submitter: nil, university: nil)
        default:
            return nil
        }
    }

    /// The heading in a skimmed payload: `content` holds exactly one case, an object, of which
    /// only the title and the category were built.
    private static func heading(_ payload: JSONObject, submitter: String?, university: String?) throws -> SubmissionHeading {
        let content = try payload.object("content")
        guard content.members.count == 1, let member = content.members.first, member.key == "idea" || member.key == "experience",
              case let .object(fields) = member.value
        else { throw payload.mismatch(SubmissionContent.self, "content") }
        return SubmissionHeading(
            isIdea: member.key == "idea", title: try fields.string("title"), category: try fields.value(SubmissionCategory.self, "category"),
            authors: try payload.objects("authors", SubmissionAuthor.init(payload:)), submitter: submitter, university: university)
    }

    private init(_ content: SubmissionContent, authors: [SubmissionAuthor], submitter: String?, university: String?) {
        let category = switch content {
        case let .idea(idea): idea.category
        case let .experience(experience): experience.category
        }
        self.init(isIdea: { if case .idea = content { true } else { false } }(), title: content.title, category: category,
                  authors: authors, submitter: submitter, university: university)
    }
}
