import EventStore
import Foundation

/// A version of a regulation or procedure. Stream: `regulation-<id>`. The first version opens
/// the stream; each later one finalises a review round and names the proposals it carries.
public struct RegulationPublished: DomainEvent {
    public static let eventType = "regulation.published"
    public let regulationId: String
    public let kind: RegulationKind
    public let title: String
    /// 1 for the first version.
    public let version: Int
    public let articles: [RegulationArticle]
    /// The proposals (adopted or partly adopted) this version carries.
    public let carriedProposals: [String]

    public init(regulationId: String, kind: RegulationKind, title: String, version: Int, articles: [RegulationArticle], carriedProposals: [String]) {
        self.regulationId = regulationId
        self.kind = kind
        self.title = title
        self.version = version
        self.articles = articles
        self.carriedProposals = carriedProposals
    }
}

/// A review round on the current version, open to its audience until the deadline.
public struct ReviewRoundOpened: DomainEvent {
    public static let eventType = "regulation.review_opened"
    public let round: Int
    public let deadline: Date
    public let audience: Audience

    public init(round: Int, deadline: Date, audience: Audience) {
        self.round = round
        self.deadline = deadline
        self.audience = audience
    }
}

/// A comment on an article, or an amendment proposal for it (with replacement text and a
/// rationale). A later event with the same id is the author's revision.
public struct ArticleContributed: DomainEvent {
    public static let eventType = "regulation.article_contributed"

    public enum Kind: String, Codable, Hashable, Sendable {
        case comment
        case amendment
    }

    public let contributionId: String
    public let kind: Kind
    public let round: Int
    public let article: Int
    public let author: String
    /// The comment, or the proposed replacement text of the article.
    public let text: String
    /// Why, for an amendment; nil for a comment.
    public let rationale: String?
    public let isRevision: Bool

    public init(contributionId: String, kind: Kind, round: Int, article: Int, author: String, text: String, rationale: String?, isRevision: Bool) {
        self.contributionId = contributionId
        self.kind = kind
        self.round = round
        self.article = article
        self.author = author
        self.text = text
        self.rationale = rationale
        self.isRevision = isRevision
    }
}

/// The author withdrew their comment or proposal.
public struct ContributionWithdrawn: DomainEvent {
    public static let eventType = "regulation.contribution_withdrawn"
    public let contributionId: String

    public init(contributionId: String) {
        self.contributionId = contributionId
    }
}

/// Someone endorsed another participant's amendment proposal.
public struct ProposalEndorsed: DomainEvent {
    public static let eventType = "regulation.proposal_endorsed"
    public let proposalId: String
    public let endorser: String

    public init(proposalId: String, endorser: String) {
        self.proposalId = proposalId
        self.endorser = endorser
    }
}

/// The regulation's owner answered a proposal.
public struct ProposalAnswered: DomainEvent {
    public static let eventType = "regulation.proposal_answered"
    public let proposalId: String
    public let verdict: ProposalVerdict
    public let reason: String

    public init(proposalId: String, verdict: ProposalVerdict, reason: String) {
        self.proposalId = proposalId
        self.verdict = verdict
        self.reason = reason
    }
}

/// The round is over: every proposal answered, and the version that carries the adopted ones
/// (if any) published.
public struct ReviewRoundFinalised: DomainEvent {
    public static let eventType = "regulation.review_finalised"
    public let round: Int
    /// The version published with this finalisation; nil when nothing was adopted.
    public let publishedVersion: Int?

    public init(round: Int, publishedVersion: Int?) {
        self.round = round
        self.publishedVersion = publishedVersion
    }
}

/// The events of a regulation's stream.
public enum RegulationEvent: EventFamily {
    case published(RegulationPublished)
    case roundOpened(ReviewRoundOpened)
    case contributed(ArticleContributed)
    case withdrawn(ContributionWithdrawn)
    case endorsed(ProposalEndorsed)
    case answered(ProposalAnswered)
    case finalised(ReviewRoundFinalised)

    public var event: any DomainEvent {
        switch self {
        case let .published(event): event
        case let .roundOpened(event): event
        case let .contributed(event): event
        case let .withdrawn(event): event
        case let .endorsed(event): event
        case let .answered(event): event
        case let .finalised(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        guard let event = try recorded.decode(as: ArticleContributed.self, Self.contributed)
            ?? recorded.decode(as: ProposalEndorsed.self, Self.endorsed)
            ?? recorded.decode(as: ContributionWithdrawn.self, Self.withdrawn)
            ?? recorded.decode(as: ProposalAnswered.self, Self.answered)
            ?? recorded.decode(as: RegulationPublished.self, Self.published)
            ?? recorded.decode(as: ReviewRoundOpened.self, Self.roundOpened)
            ?? recorded.decode(as: ReviewRoundFinalised.self, Self.finalised)
        else { return nil }
        self = event
    }
}
