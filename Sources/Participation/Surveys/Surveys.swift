import EventStore
import HadafEvents

/// Answers surveys on behalf of registered participants: looks up the respondent's kind and
/// university in their registration, then hands the response to the ``Survey`` decider.
public struct Surveys: Sendable {
    let surveys: CommandHandler<Survey>
    let directory: ParticipantDirectory

    public init(store: EventStore, clock: any Clock = SystemClock()) {
        surveys = CommandHandler(store: store, clock: clock)
        directory = ParticipantDirectory(store: store)
    }

    /// Records the participant's response (or its revision, where the survey allows editing).
    public func answer(
        _ surveyId: String, answers: [String: SurveyAnswerValue], by participantId: String, idempotencyKey: String? = nil
    ) async throws(DomainError) -> CommandHandler<Survey>.Outcome {
        let member = try directory.member(participantId)
        return try await surveys.handle(
            .answer(answers: answers, respondentKind: member.actor.role, university: member.university),
            on: Survey.stream(surveyId), by: member.actor, idempotencyKey: idempotencyKey)
    }
}
