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
/// signed-in participant. Blank fields are unanswered questions, and so are questions that the
/// earlier answers hide (a form without JavaScript shows them all); the survey's own rules
/// (required questions, ranges) are the domain's to check, field by field.
///
/// The survey's page is `GET /surveys/{id}`, and `GET /surveys/{id}/answered` the page after
/// it. A browser whose answers are refused gets the form again, with its choices kept and each
/// reason beside its question.
struct SurveyFormRoutes {
    let runner: CommandRunner
    let store: EventStore
    let pages: PageRenderer

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
            let submission = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "survey.answer")
            let form = submission.fields
            let definition = try definition(of: survey)
            do {
                let account = try submission.sender(in: context, of: request, running: "survey.answer")
                let answers = try Self.answers(form, to: definition)
                let key = submission.idempotencyKey(for: account, in: request)
                let payload = try JSONEncoder().encode(Payload(surveyId: survey, answers: answers))
                let positions = try await runner.run(try CommandRequest(name: "survey.answer", actor: account.actor, payload: payload, idempotencyKey: key)).positions
                return try FormSubmission.reply(
                    to: request, seeOther: "/surveys/\(survey)/answered", created: Answered(surveyId: survey, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                return try formAgain(survey, definition: definition, fields: form, refusal: refusal)
            }
        }
        router.get("/surveys/:id") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let survey = try context.parameters.require("id")
            let page = SurveyFormPage(account: PageAccount(identity.account, csrfToken: identity.csrfToken), surveyId: survey, definition: try definition(of: survey))
            return try pages.response(SurveyFormPage.template, page)
        }
        router.get("/surveys/:id/answered") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let definition = try definition(of: try context.parameters.require("id"))
            let page = SurveyAnsweredPage(
                account: PageAccount(identity.account, csrfToken: identity.csrfToken), surveyTitle: definition.title,
                today: PersianDisplay.date(Date()), anonymous: definition.isAnonymous)
            return try pages.response(SurveyAnsweredPage.template, page)
        }
    }

    /// The survey's form with what was chosen and typed, each reason beside its question (a
    /// refusal's details name `answers.<id>`), or above the form when it names no question.
    private func formAgain(_ survey: String, definition: SurveyDefinition, fields: FormFields, refusal: FormRefusal) throws -> Response {
        let ids = Set(definition.questions.map(\.id))
        let errors = refusal.messages { field in
            let id = field.hasPrefix("answers.") ? String(field.dropFirst("answers.".count)) : field
            return ids.contains(id) ? id : nil
        }
        var values: [String: [String]] = [:]
        for id in ids { values[id] = fields.values[id] }
        let page = SurveyFormPage(
            account: refusal.account, surveyId: survey, definition: definition, values: values, errors: errors,
            formError: refusal.formMessage(besides: errors), idempotencyKey: fields["idempotencyKey"])
        return try pages.response(SurveyFormPage.template, page, status: refusal.problem.status)
    }

    /// The survey's questions as last drafted.
    private func definition(of survey: String) throws -> SurveyDefinition {
        try Self.definition(of: survey, in: store)
    }

    /// The survey's latest drafted definition; a survey never drafted is not found.
    static func definition(of survey: String, in store: EventStore) throws -> SurveyDefinition {
        let drafts = try store.readStream(Survey.stream(survey)).filter { $0.type == SurveyDrafted.eventType }
        guard let drafted = try drafts.last?.decode(as: SurveyDrafted.self) else { throw Problem.notFound(.survey(survey)) }
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
        // Questions whose condition the answers before them do not meet are not shown: a form
        // without JavaScript sent them anyway.
        for question in definition.questions {
            if let condition = question.showIf, answers[condition.questionId] != condition.equals { answers[question.id] = nil }
        }
        return answers
    }
}
