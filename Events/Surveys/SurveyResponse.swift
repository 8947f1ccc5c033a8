import EventStore

/// A response to a survey, named or under a pseudonym, as its results count it: who answered,
/// their kind and university, and the answers in question-id order.
///
/// The survey results read every response in the log. Decoding each into its event built a
/// dictionary of answers that the results then sorted into a list; this reads the list straight
/// from the payload, which is still validated whole. A payload of an older schema version is
/// decoded (and upcast) whole.
public struct SurveyResponse: Sendable, Equatable {
    /// One answer: its question's id and value.
    public struct Answer: Sendable, Equatable {
        public let question: String
        public let value: SurveyAnswerValue

        public init(question: String, value: SurveyAnswerValue) {
            self.question = question
            self.value = value
        }
    }

    /// The respondent, or the pseudonym of an anonymous survey's respondent.
    public let respondent: String
    public let respondentKind: String
    public let university: String?
    /// In question-id order, each question once (the last of a repeated key, as a decoded
    /// dictionary keeps).
    public let answers: [Answer]
    public let isRevision: Bool

    /// The answer to `question`, found by halving the answers (they are in question-id order);
    /// nil when the response leaves it unanswered.
    public func answer(to question: String) -> SurveyAnswerValue? {
        var range = answers.startIndex..<answers.endIndex
        while !range.isEmpty {
            let middle = range.lowerBound + range.count / 2
            if answers[middle].question == question { return answers[middle].value }
            range = answers[middle].question < question ? (middle + 1)..<range.upperBound : range.lowerBound..<middle
        }
        return nil
    }

    /// The response an answer records, named or anonymous; nil for an event of another type.
    public static func of(_ event: RecordedEvent) throws -> SurveyResponse? {
        let respondentField: (key: StaticString, name: String)
        switch event.type {
        case SurveyAnswered.eventType:
            guard event.schemaVersion == SurveyAnswered.schemaVersion else {
                return try event.decode(as: SurveyAnswered.self).map {
                    SurveyResponse($0.respondent, $0.respondentKind, $0.university, $0.answers, $0.isRevision)
                }
            }
            respondentField = ("respondent", "respondent")
        case SurveyAnsweredAnonymously.eventType:
            guard event.schemaVersion == SurveyAnsweredAnonymously.schemaVersion else {
                return try event.decode(as: SurveyAnsweredAnonymously.self).map {
                    SurveyResponse($0.pseudonym, $0.respondentKind, $0.university, $0.answers, $0.isRevision)
                }
            }
            respondentField = ("pseudonym", "pseudonym")
        default:
            return nil
        }
        let payload = try JSONObject(parsing: event.payload, keeping: [respondentField.key, "respondentKind", "university", "answers", "isRevision"])
        let answers = try payload.object("answers")
        var read: [Answer] = []
        read.reserveCapacity(answers.members.count)
        for member in answers.members {
            guard case let .object(answer) = member.value else { throw answers.mismatch(SurveyAnswerValue.self, member.key) }
            read.append(Answer(question: member.key, value: try SurveyAnswerValue(payload: answer)))
        }
        return SurveyResponse(
            respondent: try payload.string(respondentField.name), respondentKind: try payload.string("respondentKind"),
            university: try payload.optionalString("university"), answers: Self.inQuestionOrder(read), isRevision: try payload.bool("isRevision"))
    }

    private init(respondent: String, respondentKind: String, university: String?, answers: [Answer], isRevision: Bool) {
        self.respondent = respondent
        self.respondentKind = respondentKind
        self.university = university
        self.answers = answers
        self.isRevision = isRevision
    }

    private init(_ respondent: String, _ kind: String, _ university: String?, _ answers: [String: SurveyAnswerValue], _ isRevision: Bool) {
        self.init(
            respondent: respondent, respondentKind: kind, university: university,
            answers: answers.map { Answer(question: $0.key, value: $0.value) }.sorted { $0.question < $1.question }, isRevision: isRevision)
    }

    /// The answers sorted by question id, a repeated id keeping its last answer. Payloads are
    /// written with sorted keys, so this is usually a check that costs one pass.
    private static func inQuestionOrder(_ answers: [Answer]) -> [Answer] {
        if zip(answers, answers.dropFirst()).allSatisfy({ $0.question < $1.question }) { return answers }
        // Stable, so that of equal ids the last written comes last and is kept.
        let sorted = answers.enumerated().sorted { ($0.element.question, $0.offset) < ($1.element.question, $1.offset) }.map(\.element)
        return sorted.indices.filter { $0 == sorted.count - 1 || sorted[$0 + 1].question != sorted[$0].question }.map { sorted[$0] }
    }
}
