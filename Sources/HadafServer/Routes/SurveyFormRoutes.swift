import EventStore
import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import NIOCore
import Participation

/// The survey form handler: `POST /forms/surveys/{id}/answers` takes one field per question,
/// named by the question's id (a multiple-choice question repeats its field), reads each as its
/// question's kind asks (a choice, choices, a number in any digits, text), and answers as the
/// signed-in participant. Blank fields are unanswered questions; the survey's own rules (required
/// questions, show-if conditions, ranges) are the domain's to check, field by field.
struct SurveyFormRoutes {
    let runner: CommandRunner
    let store: EventStore

    /// What the form handler answers a script.
    struct Answered: Codable {
        let surveyId: String
        let positions: [Int64]?
    }

    private struct Payload: Encodable {
        let surveyId: String
        let answers: [String: SurveyAnswerValue]
    }

    func add(to router: Router<HadafRequestContext>) {
        router.post("/forms/surveys/:id/answers") { request, context in
            let survey = try context.parameters.require("id")
            let submission = try await FormSubmission.read(request, limit: context.maxUploadSize)
            let form = submission.fields
            let account = try submission.sender(in: context, of: request, running: "survey.answer")
            let answers = try Self.answers(form, to: try definition(of: survey))
            let key = submission.idempotencyKey(for: account, in: request)
            let payload = try JSONEncoder().encode(Payload(surveyId: survey, answers: answers))
            let positions = try await runner.run(try CommandRequest(name: "survey.answer", actor: account.actor, payload: payload, idempotencyKey: key)).positions
            return try FormSubmission.reply(to: request, seeOther: "/surveys/\(survey)/answered", created: Answered(surveyId: survey, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
        }
    }

    /// The survey's questions as last drafted.
    private func definition(of survey: String) throws -> SurveyDefinition {
        let drafts = try store.readStream(Survey.stream(survey)).filter { $0.type == SurveyDrafted.eventType }
        guard let drafted = try drafts.last?.decode(as: SurveyDrafted.self) else { throw Problem.notFound("survey '\(survey)'") }
        return drafted.definition
    }

    static func answers(_ form: FormFields, to definition: SurveyDefinition) throws(Problem) -> [String: SurveyAnswerValue] {
        var answers: [String: SurveyAnswerValue] = [:]
        for question in definition.questions {
            let values = (form.values[question.id] ?? []).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            guard let first = values.first else { continue }
            switch question.kind {
            case .singleChoice: answers[question.id] = .choice(first)
            case .multipleChoice: answers[question.id] = .choices(values)
            case .likert, .scale, .number:
                guard let number = Double(Digits.latin(first).replacingOccurrences(of: "٫", with: ".")) else {
                    throw .malformedForm(field: question.id, english: "'\(first)' is not a number.", persian: "«\(first)» عدد نیست.")
                }
                answers[question.id] = .number(number)
            case .shortText, .longText: answers[question.id] = .text(first)
            }
        }
        return answers
    }
}
