import EventStore
import Foundation

/// A submission's first draft. Stream: `submission-<id>`.
public struct SubmissionDrafted: DomainEvent {
    public static let eventType = "submission.drafted"
    public let submissionId: String
    /// The participant who submits (for a group: its representative).
    public let submitter: String
    /// The university it is submitted at, whose deputy screens it.
    public let university: String
    public let authors: [SubmissionAuthor]
    public let content: SubmissionContent

    public init(submissionId: String, submitter: String, university: String, authors: [SubmissionAuthor], content: SubmissionContent) {
        self.submissionId = submissionId
        self.submitter = submitter
        self.university = university
        self.authors = authors
        self.content = content
    }
}

/// The submitter changed the text or the authors (in a draft, before screening, or after the
/// submission was returned for revision).
public struct SubmissionRevised: DomainEvent {
    public static let eventType = "submission.revised"
    public let authors: [SubmissionAuthor]
    public let content: SubmissionContent

    public init(authors: [SubmissionAuthor], content: SubmissionContent) {
        self.authors = authors
        self.content = content
    }
}

/// An earlier submission near-identical to this one, for the screener.
public struct PossibleDuplicate: Codable, Hashable, Sendable {
    public let submissionId: String
    public let similarity: Double

    public init(submissionId: String, similarity: Double) {
        self.submissionId = submissionId
        self.similarity = similarity
    }
}

/// The submission went to screening (first time, or again after a revision was asked for).
public struct SubmissionSubmitted: DomainEvent {
    public static let eventType = "submission.submitted"
    /// Near-identical earlier submissions, most similar first.
    public let possibleDuplicates: [PossibleDuplicate]

    public init(possibleDuplicates: [PossibleDuplicate]) {
        self.possibleDuplicates = possibleDuplicates
    }
}

/// The submitter withdrew it.
public struct SubmissionWithdrawn: DomainEvent {
    public static let eventType = "submission.withdrawn"
    public init() {}
}

/// A screener's decision.
public struct SubmissionScreened: DomainEvent {
    public static let eventType = "submission.screened"

    public enum Decision: String, Codable, Hashable, Sendable {
        case acceptedForEvaluation = "accepted_for_evaluation"
        case returnedForRevision = "returned_for_revision"
        case rejected
    }

    public enum RejectionGround: String, Codable, Hashable, Sendable {
        case duplicate
        case outOfScope = "out_of_scope"
        case other
    }

    public let decision: Decision
    public let ground: RejectionGround?
    /// For a duplicate: the submission it duplicates.
    public let duplicateOf: String?
    public let reason: String?

    public init(decision: Decision, ground: RejectionGround?, duplicateOf: String?, reason: String?) {
        self.decision = decision
        self.ground = ground
        self.duplicateOf = duplicateOf
        self.reason = reason
    }
}

/// The events of a submission's stream.
public enum SubmissionEvent: EventFamily {
    case drafted(SubmissionDrafted)
    case revised(SubmissionRevised)
    case submitted(SubmissionSubmitted)
    case withdrawn(SubmissionWithdrawn)
    case screened(SubmissionScreened)

    public var event: any DomainEvent {
        switch self {
        case let .drafted(event): event
        case let .revised(event): event
        case let .submitted(event): event
        case let .withdrawn(event): event
        case let .screened(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        guard let event = try recorded.decode(as: SubmissionDrafted.self, Self.drafted)
            ?? recorded.decode(as: SubmissionRevised.self, Self.revised)
            ?? recorded.decode(as: SubmissionSubmitted.self, Self.submitted)
            ?? recorded.decode(as: SubmissionScreened.self, Self.screened)
            ?? recorded.decode(as: SubmissionWithdrawn.self, Self.withdrawn)
        else { return nil }
        self = event
    }
}
