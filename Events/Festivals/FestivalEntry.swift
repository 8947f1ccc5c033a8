import Foundation

/// A submission (or, for a university deputy, a nominated programme) admitted to a category of a
/// festival, with what juries and the selection need of it: whose it is (for conflicts of
/// interest and prizes), its university (for quotas), and where it was first submitted in the log
/// (the last link of the tie-break chain).
public struct FestivalEntry: Codable, Hashable, Sendable {
    /// The entry's id: the submission's id, or `university-<code>` for a university deputy.
    public let entryId: String
    public let categoryId: String
    public let title: String
    /// The submission's kind; nil for a university deputy's programme.
    public let kind: SubmissionKind?
    /// What a university deputy's programme is, as its nominator described it; nil for a
    /// submission, whose text is in its own stream.
    public let summary: String?
    public let university: String
    /// The authors with their shares: a juror who is one of them may not score it, and a prize
    /// is shared by these shares.
    public let authors: [SubmissionAuthor]
    /// The submitter (for a group: its representative).
    public let submitter: String
    /// The log position of the submission's first `submission.submitted`; for a university
    /// deputy, of the university's registration.
    public let submittedAt: Int64
    /// How it came in: proposed by the eligibility projection, or nominated by a university deputy.
    public let basis: Basis

    public enum Basis: String, Codable, Hashable, Sendable {
        case proposed, nominated
    }

    public init(
        entryId: String, categoryId: String, title: String, kind: SubmissionKind?, summary: String? = nil, university: String,
        authors: [SubmissionAuthor], submitter: String, submittedAt: Int64, basis: Basis
    ) {
        self.entryId = entryId
        self.categoryId = categoryId
        self.title = title
        self.kind = kind
        self.summary = summary
        self.university = university
        self.authors = authors
        self.submitter = submitter
        self.submittedAt = submittedAt
        self.basis = basis
    }
}

/// One juror's scores for one entry, per criterion of the category's rubric.
public struct CriterionScore: Codable, Hashable, Sendable {
    public let criterion: String
    public let score: Int

    public init(criterion: String, score: Int) {
        self.criterion = criterion
        self.score = score
    }
}

/// A juror set to score an entry.
public struct JurorAssignment: Codable, Hashable, Sendable {
    public let entryId: String
    public let jurorId: String

    public init(entryId: String, jurorId: String) {
        self.entryId = entryId
        self.jurorId = jurorId
    }
}
