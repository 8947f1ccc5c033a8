import EventStore
import HadafEvents

/// Ideas and experiences on behalf of participants: drafting, revising, submitting (with the
/// duplicate check), withdrawing, and screening by officers.
public struct Submissions: Sendable {
    let submissions: CommandHandler<Submission>
    let directory: ParticipantDirectory
    let catalogue: DuplicateCatalogue

    public init(store: EventStore, clock: any Clock = SystemClock(), catalogue: DuplicateCatalogue? = nil) {
        submissions = CommandHandler(store: store, clock: clock)
        directory = ParticipantDirectory(store: store)
        self.catalogue = catalogue ?? DuplicateCatalogue(store: store)
    }

    /// Drafts a submission; `authors` nil gives the whole credit to the submitter, or to the
    /// group a representative speaks for.
    public func draft(
        _ submissionId: String, authors: [SubmissionAuthor]?, content: SubmissionContent, by participantId: String, idempotencyKey: String? = nil
    ) async throws(DomainError) -> CommandHandler<Submission>.Outcome {
        let member = try directory.member(participantId)
        try checkCarriedIdea(content)
        return try await submissions.handle(
            .draft(submissionId: submissionId, authors: authors ?? Self.credit(of: member), content: content, submitter: member),
            on: Submission.stream(submissionId), by: member.actor, idempotencyKey: idempotencyKey)
    }

    /// Drafts a submission and sends it to screening in one append: both events land, or
    /// neither does (a form refused as incomplete leaves no draft behind). The near-duplicate
    /// check is the one ``submit(_:by:idempotencyKey:)`` makes. The submitter is found by the
    /// catalogue, in the same read of the log as the check: this is the form handler's path.
    public func draftAndSubmit(
        _ submissionId: String, authors: [SubmissionAuthor]?, content: SubmissionContent, by participantId: String, idempotencyKey: String? = nil
    ) async throws(DomainError) -> CommandHandler<Submission>.Outcome {
        let (member, duplicates) = try await catalogue.submitterAndDuplicates(participantId, of: content, excluding: submissionId)
        try checkCarriedIdea(content)
        return try await submissions.handle(
            .draftAndSubmit(
                submissionId: submissionId, authors: authors ?? Self.credit(of: member), content: content, submitter: member,
                possibleDuplicates: duplicates),
            on: Submission.stream(submissionId), by: member.actor, idempotencyKey: idempotencyKey, expectingNewStream: true)
    }

    public func revise(
        _ submissionId: String, authors: [SubmissionAuthor]?, content: SubmissionContent, by participantId: String
    ) async throws(DomainError) -> CommandHandler<Submission>.Outcome {
        let member = try directory.member(participantId)
        try checkCarriedIdea(content)
        return try await submissions.handle(
            .revise(authors: authors ?? Self.credit(of: member), content: content), on: Submission.stream(submissionId), by: member.actor)
    }

    /// Sends the submission to screening, recording any near-identical earlier submission.
    public func submit(_ submissionId: String, by participantId: String, idempotencyKey: String? = nil) async throws(DomainError) -> CommandHandler<Submission>.Outcome {
        let member = try directory.member(participantId)
        let (state, _) = try submissions.load(Submission.stream(submissionId))
        guard let content = state.content else { throw .submissionNotFound }
        let duplicates = try await catalogue.possibleDuplicates(of: content, excluding: submissionId)
        return try await submissions.handle(
            .submit(possibleDuplicates: duplicates), on: Submission.stream(submissionId), by: member.actor, idempotencyKey: idempotencyKey)
    }

    public func withdraw(_ submissionId: String, by participantId: String) async throws(DomainError) -> CommandHandler<Submission>.Outcome {
        let member = try directory.member(participantId)
        return try await submissions.handle(.withdraw, on: Submission.stream(submissionId), by: member.actor)
    }

    /// A screening decision by a registered officer (a university deputy officer for their own
    /// university, or a ministry officer).
    public func screen(_ submissionId: String, decision: SubmissionScreened, by officerId: String) async throws(DomainError) -> CommandHandler<Submission>.Outcome {
        let officer = try directory.member(officerId)
        return try await submissions.handle(.screen(decision, screener: officer), on: Submission.stream(submissionId), by: officer.actor)
    }

    /// The authors when none are given: the whole credit to the submitter, or to the group a
    /// representative speaks for.
    static func credit(of member: ParticipantDirectory.Member) -> [SubmissionAuthor] {
        if member.actor.role == .studentGroupRepresentative, let group = member.studentGroup {
            return [SubmissionAuthor(kind: .studentGroup, id: group, share: 100)]
        }
        return [SubmissionAuthor(kind: .participant, id: member.actor.id, share: 100)]
    }

    /// An experience that names the idea it carried out must name an idea that exists.
    private func checkCarriedIdea(_ content: SubmissionContent) throws(DomainError) {
        guard case let .experience(experience) = content, let idea = experience.carriesOutIdea else { return }
        let (state, _) = try submissions.load(Submission.stream(idea))
        guard case .idea? = state.content else { throw .ideaNotFound(idea) }
    }
}
