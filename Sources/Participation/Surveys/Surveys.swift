import EventStore
import HadafEvents

/// Answers surveys on behalf of registered participants: looks up the respondent's kind and
/// university in their registration, then hands the response to the ``Survey`` decider.
public struct Surveys: Sendable {
    let surveys: CommandHandler<Survey>
    let participants: CommandHandler<Participant>

    public init(store: EventStore, clock: any Clock = SystemClock()) {
        surveys = CommandHandler(store: store, clock: clock)
        participants = CommandHandler(store: store, clock: clock)
    }

    /// Records the participant's response (or its revision, where the survey allows editing).
    public func answer(
        _ surveyId: String, answers: [String: SurveyAnswerValue], by participantId: String, idempotencyKey: String? = nil
    ) async throws(DomainError) -> CommandHandler<Survey>.Outcome {
        let (participant, _) = try participants.load(Participant.stream(participantId))
        guard let registered = participant.registered, let kind = Actor.Role(rawValue: registered.kind) else {
            throw .participantNotRegistered
        }
        guard !participant.isErased else { throw .participantErased }
        return try await surveys.handle(
            .answer(answers: answers, respondentKind: kind, university: registered.university),
            on: Survey.stream(surveyId), by: Actor(id: participantId, role: kind), idempotencyKey: idempotencyKey)
    }
}
