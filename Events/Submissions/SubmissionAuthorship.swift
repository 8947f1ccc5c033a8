import EventStore

/// Who a submission credits, and whether it is an idea or an experience: what the ledger needs
/// of a draft or a revision, read without building its text.
///
/// A draft is about 600 bytes, most of them its text in five fields; the ledger reads a hundred
/// thousand drafts in a national year and needs none of it. The whole payload is still checked
/// as JSON, and one of an older schema version is decoded (and upcast) whole.
public struct SubmissionAuthorship: Sendable, Equatable {
    public let authors: [SubmissionAuthor]
    public let isIdea: Bool

    public init(authors: [SubmissionAuthor], isIdea: Bool) {
        self.authors = authors
        self.isIdea = isIdea
    }

    /// The authorship a draft or a revision records; nil for an event of another type.
    public static func of(_ event: RecordedEvent) throws -> SubmissionAuthorship? {
        switch event.type {
        case SubmissionDrafted.eventType:
            guard event.schemaVersion == SubmissionDrafted.schemaVersion else {
                return try event.decode(as: SubmissionDrafted.self).map { SubmissionAuthorship(authors: $0.authors, content: $0.content) }
            }
        case SubmissionRevised.eventType:
            guard event.schemaVersion == SubmissionRevised.schemaVersion else {
                return try event.decode(as: SubmissionRevised.self).map { SubmissionAuthorship(authors: $0.authors, content: $0.content) }
            }
        default:
            return nil
        }
        let payload = try JSONObject(parsing: event.payload, keeping: ["authors"], outlining: ["content"])
        let content = try payload.object("content")
        // As SubmissionContent reads it: exactly one of its cases.
        guard content.members.count == 1, let kind = content.members.first?.key, kind == "idea" || kind == "experience" else {
            throw payload.mismatch(SubmissionContent.self, "content")
        }
        return SubmissionAuthorship(authors: try payload.objects("authors", SubmissionAuthor.init(payload:)), isIdea: kind == "idea")
    }

    private init(authors: [SubmissionAuthor], content: SubmissionContent) {
        self.authors = authors
        isIdea = if case .idea = content { true } else { false }
    }
}
