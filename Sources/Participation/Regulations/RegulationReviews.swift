import EventStore
import HadafEvents

/// What participants do in a review round, on their own behalf: comment, propose, revise,
/// withdraw, endorse. Looks the participant up, then hands the command to ``Regulation``.
public struct RegulationReviews: Sendable {
    let regulations: CommandHandler<Regulation>
    let directory: ParticipantDirectory

    public init(store: EventStore, clock: any Clock = SystemClock()) {
        regulations = CommandHandler(store: store, clock: clock)
        directory = ParticipantDirectory(store: store)
    }

    /// A comment, or an amendment proposal (with its rationale); the same id again revises it.
    public func contribute(
        _ regulationId: String, contributionId: String, kind: ArticleContributed.Kind, article: Int, text: String,
        rationale: String? = nil, by participantId: String, idempotencyKey: String? = nil
    ) async throws(DomainError) -> CommandHandler<Regulation>.Outcome {
        let member = try directory.member(participantId)
        return try await regulations.handle(
            .contribute(contributionId: contributionId, kind: kind, article: article, text: text, rationale: rationale, member: member),
            on: Regulation.stream(regulationId), by: member.actor, idempotencyKey: idempotencyKey)
    }

    public func withdraw(_ regulationId: String, contributionId: String, by participantId: String) async throws(DomainError) -> CommandHandler<Regulation>.Outcome {
        let member = try directory.member(participantId)
        return try await regulations.handle(.withdraw(contributionId: contributionId), on: Regulation.stream(regulationId), by: member.actor)
    }

    public func endorse(_ regulationId: String, proposalId: String, by participantId: String) async throws(DomainError) -> CommandHandler<Regulation>.Outcome {
        let member = try directory.member(participantId)
        return try await regulations.handle(.endorse(proposalId: proposalId, member: member), on: Regulation.stream(regulationId), by: member.actor)
    }
}
