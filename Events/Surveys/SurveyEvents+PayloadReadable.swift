import EventStore

extension SurveyAnswered: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            respondent: try payload.string("respondent"), respondentKind: try payload.string("respondentKind"),
            university: try payload.optionalString("university"), answers: try SurveyAnswerValue.answers(payload.object("answers")),
            isRevision: try payload.bool("isRevision"))
    }
}

extension SurveyAnsweredAnonymously: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            pseudonym: try payload.string("pseudonym"), respondentKind: try payload.string("respondentKind"),
            university: try payload.optionalString("university"), answers: try SurveyAnswerValue.answers(payload.object("answers")),
            isRevision: try payload.bool("isRevision"))
    }
}

extension SurveyParticipationCredited: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(surveyId: try payload.string("surveyId"), participantId: try payload.string("participantId"))
    }
}

extension SurveyAnswerValue: PayloadReadable {
    init(payload: JSONObject) throws {
        guard payload.members.count == 1, let member = payload.members.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "an answer has exactly one of choice, choices, number, text"))
        }
        switch (member.key, member.value) {
        case let ("choice", .string(choice)): self = .choice(choice)
        case let ("number", .number(number)): self = .number(number)
        case let ("text", .string(text)): self = .text(text)
        case let ("choices", .array(values)):
            self = .choices(try values.map { value in
                guard case let .string(choice) = value else { throw payload.mismatch(String.self, "choices") }
                return choice
            })
        default:
            throw payload.mismatch(SurveyAnswerValue.self, member.key)
        }
    }

    /// Answers by question id.
    static func answers(_ object: JSONObject) throws -> [String: SurveyAnswerValue] {
        var answers: [String: SurveyAnswerValue] = Dictionary(minimumCapacity: object.members.count)
        for member in object.members {
            guard case let .object(answer) = member.value else { throw object.mismatch(SurveyAnswerValue.self, member.key) }
            answers[member.key] = try SurveyAnswerValue(payload: answer)
        }
        return answers
    }
}
