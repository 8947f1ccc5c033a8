import Foundation
import HadafEvents

/// A regulation or procedure under review (level 2, بازبینی و بازاندیشی): published by an officer,
/// reviewed article by article in rounds, answered proposal by proposal, and republished.
/// Stream: `regulation-<id>`.
public enum Regulation: Decider {
    public enum Command: Sendable {
        case publish(regulationId: String, kind: RegulationKind, title: String, articles: [RegulationArticle])
        case openRound(deadline: Date, audience: Audience)
        /// A new comment or proposal, or the author's revision of theirs (same id).
        case contribute(contributionId: String, kind: ArticleContributed.Kind, article: Int, text: String, rationale: String?, member: ParticipantDirectory.Member)
        case withdraw(contributionId: String)
        case endorse(proposalId: String, member: ParticipantDirectory.Member)
        case answer(proposalId: String, verdict: ProposalVerdict, reason: String)
        /// Ends the round; `nextArticles` is the next version's text, required when a proposal
        /// was adopted.
        case finalise(nextArticles: [RegulationArticle]?)
    }

    public struct Contribution: Sendable, Equatable {
        public var kind: ArticleContributed.Kind
        public var round: Int
        public var article: Int
        public var author: String
        public var text: String
        public var rationale: String?
        public var isWithdrawn = false
        public var endorsers: Set<String> = []
        public var answer: ProposalAnswered?
    }

    public struct Round: Sendable, Hashable {
        public var number: Int
        public var deadline: Date
        public var audience: Audience
        public var isFinalised = false
    }

    public struct State: Sendable {
        public var current: RegulationPublished?
        public var round: Round?
        public var contributions: [String: Contribution] = [:]

        /// The current round's amendment proposals that are not withdrawn.
        var activeProposals: [(id: String, contribution: Contribution)] {
            guard let round else { return [] }
            return contributions.filter { $0.value.kind == .amendment && $0.value.round == round.number && !$0.value.isWithdrawn }
                .map { ($0.key, $0.value) }
                .sorted { $0.id < $1.id }
        }

        /// The round open to contributions at `now`.
        func openRound(at now: Date) throws(DomainError) -> Round {
            guard let round, !round.isFinalised else { throw .reviewNotOpen }
            guard now < round.deadline else { throw .reviewDeadlinePassed(round.deadline) }
            return round
        }
    }

    public typealias Event = RegulationEvent

    public static var initialState: State { State() }

    public static func stream(_ regulationId: String) -> String { "regulation-\(regulationId)" }

    static let officers: Set<Actor.Role> = [.ministryOfficer, .system]

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        let actor = context.actor
        switch command {
        case let .publish(regulationId, kind, title, articles):
            guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: "publish a regulation") }
            try Validate.code(regulationId, field: "regulationId")
            try Validate.name(title, field: "title")
            try checkArticles(articles)
            let first = RegulationPublished(regulationId: regulationId, kind: kind, title: title, version: 1, articles: articles, carriedProposals: [])
            if let current = state.current {
                guard current.version == 1, current == first else { throw .regulationAlreadyPublished }
                return []
            }
            return [.published(first)]

        case let .openRound(deadline, audience):
            guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: "open a review round") }
            guard state.current != nil else { throw .regulationNotFound }
            if let round = state.round, !round.isFinalised { throw .reviewAlreadyOpen }
            guard deadline > context.now else { throw .reviewDeadlinePassed(deadline) }
            return [.roundOpened(ReviewRoundOpened(round: (state.round?.number ?? 0) + 1, deadline: deadline, audience: audience))]

        case let .contribute(id, kind, article, text, rationale, member):
            guard let current = state.current else { throw .regulationNotFound }
            let round = try state.openRound(at: context.now)
            guard round.audience.includes(kind: member.actor.role, university: member.university) else { throw .reviewNotInAudience }
            guard current.articles.contains(where: { $0.number == article }) else { throw .articleNotFound(article) }
            try Validate.code(id, field: "contributionId")
            try Validate.text(text, field: "text")
            if kind == .amendment { try Validate.text(rationale ?? "", field: "rationale") }
            var isRevision = false
            if let existing = state.contributions[id] {
                guard existing.author == member.actor.id else { throw .forbidden(role: member.actor.role, action: "change another participant's contribution") }
                guard !existing.isWithdrawn else { throw .contributionWithdrawn }
                guard existing.kind == kind, existing.article == article, existing.round == round.number else { throw .contributionIdTaken(id) }
                guard existing.text != text || existing.rationale != rationale else { return [] }
                isRevision = true
            }
            return [.contributed(ArticleContributed(
                contributionId: id, kind: kind, round: round.number, article: article, author: member.actor.id,
                text: text, rationale: kind == .amendment ? rationale : nil, isRevision: isRevision))]

        case let .withdraw(id):
            _ = try state.openRound(at: context.now)
            guard let existing = state.contributions[id] else { throw .contributionNotFound }
            guard existing.author == actor.id else { throw .forbidden(role: actor.role, action: "withdraw another participant's contribution") }
            return existing.isWithdrawn ? [] : [.withdrawn(ContributionWithdrawn(contributionId: id))]

        case let .endorse(id, member):
            let round = try state.openRound(at: context.now)
            guard round.audience.includes(kind: member.actor.role, university: member.university) else { throw .reviewNotInAudience }
            guard let proposal = state.contributions[id], proposal.kind == .amendment, proposal.round == round.number else { throw .contributionNotFound }
            guard !proposal.isWithdrawn else { throw .contributionWithdrawn }
            guard proposal.author != member.actor.id else { throw .cannotEndorseOwnProposal }
            return proposal.endorsers.contains(member.actor.id) ? [] : [.endorsed(ProposalEndorsed(proposalId: id, endorser: member.actor.id))]

        case let .answer(id, verdict, reason):
            guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: "answer a proposal") }
            guard let round = state.round, !round.isFinalised else { throw .reviewNotOpen }
            guard context.now >= round.deadline else { throw .reviewDeadlineNotPassed(round.deadline) }
            guard let proposal = state.contributions[id], proposal.kind == .amendment, proposal.round == round.number, !proposal.isWithdrawn else {
                throw .contributionNotFound
            }
            try Validate.text(reason, field: "reason")
            let answer = ProposalAnswered(proposalId: id, verdict: verdict, reason: reason)
            return proposal.answer == answer ? [] : [.answered(answer)]

        case let .finalise(nextArticles):
            guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: "finalise a review round") }
            guard let current = state.current else { throw .regulationNotFound }
            guard let round = state.round, !round.isFinalised else { throw .reviewNotOpen }
            guard context.now >= round.deadline else { throw .reviewDeadlineNotPassed(round.deadline) }
            let proposals = state.activeProposals
            let unanswered = proposals.filter { $0.contribution.answer == nil }.map(\.id)
            guard unanswered.isEmpty else { throw .proposalsUnanswered(unanswered) }
            let carried = proposals.filter { $0.contribution.answer?.verdict.isCarried == true }.map(\.id)
            guard let nextArticles else {
                guard carried.isEmpty else { throw .nextVersionRequired(carried) }
                return [.finalised(ReviewRoundFinalised(round: round.number, publishedVersion: nil))]
            }
            try checkArticles(nextArticles)
            let next = RegulationPublished(
                regulationId: current.regulationId, kind: current.kind, title: current.title, version: current.version + 1,
                articles: nextArticles, carriedProposals: carried)
            return [.published(next), .finalised(ReviewRoundFinalised(round: round.number, publishedVersion: next.version))]
        }
    }

    /// Articles are numbered 1, 2, 3, … in order, each with text.
    static func checkArticles(_ articles: [RegulationArticle]) throws(DomainError) {
        guard !articles.isEmpty, articles.map(\.number) == Array(1...articles.count) else { throw .articlesMisnumbered }
        for article in articles {
            try Validate.text(article.text, field: "articles.\(article.number)")
            for note in article.notes { try Validate.text(note, field: "articles.\(article.number).notes") }
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .published(event):
            state.current = event
        case let .roundOpened(event):
            state.round = Round(number: event.round, deadline: event.deadline, audience: event.audience)
        case let .contributed(event):
            var contribution = state.contributions[event.contributionId]
                ?? Contribution(kind: event.kind, round: event.round, article: event.article, author: event.author, text: event.text, rationale: event.rationale)
            contribution.text = event.text
            contribution.rationale = event.rationale
            state.contributions[event.contributionId] = contribution
        case let .withdrawn(event):
            state.contributions[event.contributionId]?.isWithdrawn = true
        case let .endorsed(event):
            state.contributions[event.proposalId]?.endorsers.insert(event.endorser)
        case let .answered(event):
            state.contributions[event.proposalId]?.answer = event
        case .finalised:
            state.round?.isFinalised = true
        }
        return state
    }
}
