import Crypto
import EventStore
import Foundation
import HadafEvents

/// Answers and closes surveys: looks up the respondent's kind and university in their
/// registration and hands the response to the ``Survey`` decider; for an anonymous survey, stands
/// a pseudonym in for the respondent and parks their credit until the survey closes.
public struct Surveys: Sendable {
    let store: EventStore
    let surveys: CommandHandler<Survey>
    let directory: ParticipantDirectory

    public init(store: EventStore, clock: any Clock = SystemClock()) {
        self.store = store
        surveys = CommandHandler(store: store, clock: clock)
        directory = ParticipantDirectory(store: store)
    }

    /// Records the participant's response (or its revision, where the survey allows editing).
    ///
    /// In an anonymous survey the response carries the pseudonym, its metadata names only the
    /// pseudonym, and no idempotency key is kept (a key could name its sender); a double submit
    /// is still caught by the pseudonym.
    public func answer(
        _ surveyId: String, answers: [String: SurveyAnswerValue], by participantId: String, idempotencyKey: String? = nil
    ) async throws(DomainError) -> CommandHandler<Survey>.Outcome {
        let member = try directory.member(participantId)
        let (survey, _) = try surveys.load(Survey.stream(surveyId))
        guard let definition = survey.definition else { throw .surveyNotFound }
        guard definition.isAnonymous else {
            return try await surveys.handle(
                .answer(answers: answers, respondentKind: member.actor.role, university: member.university),
                on: Survey.stream(surveyId), by: member.actor, idempotencyKey: idempotencyKey)
        }
        let salt: SymmetricKey
        do {
            salt = try store.subjectKey(Self.saltSubject(surveyId))
        } catch {
            // The salt is destroyed when an anonymous survey closes.
            if case .subjectKeyDestroyed = error { throw .surveyClosed }
            throw .store(error)
        }
        let pseudonym = "anon-" + Self.mac(salt, "respondent:" + participantId).prefix(10).hexString
        let credit = DeferredEvent(
            batch: Self.creditBatch(surveyId), stream: Self.creditStream(surveyId),
            event: try envelope(SurveyParticipationCredited(surveyId: surveyId, participantId: participantId),
                                id: Self.randomLookingId(Self.mac(salt, "credit:" + participantId)),
                                metadata: EventMetadata(actorId: participantId, actorRole: member.actor.role.rawValue)))
        return try await surveys.handle(
            .answer(answers: answers, respondentKind: member.actor.role, university: member.university, pseudonym: pseudonym),
            on: Survey.stream(surveyId), by: Actor(id: pseudonym, role: member.actor.role), deferring: [credit])
    }

    /// Closes the survey. For an anonymous survey, then appends every parked credit at once and
    /// destroys the survey's salt, after which no one, the platform included, can tell whose
    /// pseudonym is whose. Running it again finishes a close that was interrupted.
    public func close(_ surveyId: String, by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> CommandHandler<Survey>.Outcome {
        let outcome = try await surveys.handle(.close, on: Survey.stream(surveyId), by: actor, idempotencyKey: idempotencyKey)
        let (survey, _) = try surveys.load(Survey.stream(surveyId))
        if survey.definition?.isAnonymous == true, survey.isClosed {
            do {
                try await store.appendDeferred(batch: Self.creditBatch(surveyId))
                try store.destroySubjectKey(Self.saltSubject(surveyId))
            } catch {
                throw .store(error)
            }
        }
        return outcome
    }

    /// The stream of an anonymous survey's participation credits.
    public static func creditStream(_ surveyId: String) -> String { "survey-\(surveyId)-credits" }

    static func creditBatch(_ surveyId: String) -> String { "survey-credits:\(surveyId)" }
    static func saltSubject(_ surveyId: String) -> String { "survey-salt:\(surveyId)" }

    private static func mac(_ key: SymmetricKey, _ text: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    /// A version-4-shaped UUID from secret-keyed bytes: random to anyone without the salt, so
    /// ordering credits by id says nothing, yet the same participant always gets the same one.
    private static func randomLookingId(_ bytes: Data) -> UUID {
        var raw = Array(bytes.prefix(16))
        raw[6] = (raw[6] & 0x0F) | 0x40
        raw[8] = (raw[8] & 0x3F) | 0x80
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { $0.copyBytes(from: raw) }
        return UUID(uuid: uuid)
    }

    private func envelope(_ event: SurveyParticipationCredited, id: UUID, metadata: EventMetadata) throws(DomainError) -> NewEvent {
        do { return try NewEvent(event, id: id, metadata: metadata) } catch let error as EventStoreError { throw .store(error) } catch { throw .store(.storage(String(describing: error))) }
    }
}
