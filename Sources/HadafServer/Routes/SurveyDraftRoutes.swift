import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import Participation

/// Drafting a survey in the browser, for ministry officers: `GET /surveys/new` (`?questions=`
/// rows, up to 40) and `POST /forms/surveys`, which sends `survey.draft` with the definition the
/// form's fields give. A browser goes on to the survey's results page, where it is published; a
/// refusal comes back as the form as typed, each reason beside its field or question row.
struct SurveyDraftRoutes {
    let runner: CommandRunner
    let pages: PageRenderer

    private struct Draft: Encodable {
        let surveyId: String
        let definition: SurveyDefinition
    }

    /// What the form answers a script.
    struct Drafted: Codable {
        let surveyId: String
        let positions: [Int64]?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.get("/surveys/new") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let asked = request.uri.queryParameters.get("questions").flatMap { Int($0) } ?? SurveyDraftPage.defaultRows
            return try form(identity, count: min(max(asked, 1), SurveyDraftPage.maximumRows))
        }
        router.post("/forms/surveys") { request, context in
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "survey.draft")
            let fields = form.fields
            let count = min(max(Int(fields["rows"] ?? "") ?? SurveyDraftPage.defaultRows, 1), SurveyDraftPage.maximumRows)
            do {
                let surveyId = try fields.required("surveyId").trimmingCharacters(in: .whitespaces)
                let draft = Draft(surveyId: surveyId, definition: try Self.definition(from: fields, rows: count))
                let result = try await form.run("survey.draft", payload: draft, on: runner, in: context, of: request)
                return try FormSubmission.reply(
                    to: request, seeOther: "/surveys/\(surveyId)/results?done=draft",
                    created: Drafted(surveyId: surveyId, positions: result.positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                let errors = refusal.messages(field: Self.formField)
                return try self.form(
                    refusal.identity, count: count, fields: fields, errors: errors, formError: refusal.formMessage(besides: errors), status: refusal.problem.status)
            }
        }
    }

    /// The form's field that a problem's field names (`questions.q3` is row 3); nil for one shown
    /// above the form, such as the opening day.
    private static func formField(_ field: String) -> String? {
        switch field {
        case "surveyId", "title": field
        case "closesAt", "closesOn": "closesOn"
        case "audience.kinds": "audience"
        default:
            if field.hasPrefix("questions.q"), let row = Int(field.dropFirst("questions.q".count)) { "row-\(row)" }
            else if field.hasPrefix("text-") || field.hasPrefix("options-") || field.hasPrefix("showIfQuestion-") { field.split(separator: "-").last.map { "row-\($0)" } }
            else { nil }
        }
    }

    /// The definition the form's fields give: row `n` with text is question `q<n>`.
    static func definition(from fields: FormFields, rows: Int) throws(Problem) -> SurveyDefinition {
        var questions: [SurveyQuestion] = []
        for row in 1...rows {
            guard let text = fields["text-\(row)"], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let options = (fields["options-\(row)"] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let kind: SurveyQuestion.Kind = switch fields["kind-\(row)"] ?? "single" {
            case "multiple": .multipleChoice(options: options, minimum: fields["required-\(row)"] != nil ? 1 : 0, maximum: options.count)
            case "likert": .likert
            case "scale": .scale
            case "number": .number(minimum: nil, maximum: nil)
            case "short": .shortText
            case "long": .longText
            default: .singleChoice(options: options)
            }
            questions.append(SurveyQuestion(
                id: "q\(row)", text: text, kind: kind, isRequired: fields["required-\(row)"] != nil, showIf: try condition(of: row, in: fields, earlier: questions)))
        }
        let universities = (fields["universities"] ?? "").split(whereSeparator: { ",، ".contains($0) }).map(String.init)
        return SurveyDefinition(
            title: try fields.required("title"), description: fields["description"] ?? "",
            audience: Audience(kinds: fields.values["audience"] ?? [], universities: universities), opensAt: try FormDate.required("opensOn", in: fields),
            closesAt: try FormDate.endOfDay("closesOn", in: fields), questions: questions, allowsEditing: fields["allowsEditing"] != nil,
            isAnonymous: fields["anonymous"] != nil)
    }

    /// The row's show-if: the earlier row's number and the answer that shows it, read as that
    /// question's answers are (a choice, a number, or text).
    private static func condition(of row: Int, in fields: FormFields, earlier: [SurveyQuestion]) throws(Problem) -> SurveyQuestion.Condition? {
        guard let typed = fields["showIfQuestion-\(row)"], !typed.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let target = Int(try FormNumber.whole(typed, field: "showIfQuestion-\(row)"))
        let answer = (fields["showIfAnswer-\(row)"] ?? "").trimmingCharacters(in: .whitespaces)
        let value: SurveyAnswerValue = switch earlier.first(where: { $0.id == "q\(target)" })?.kind {
        case .multipleChoice: .choices([answer])
        case .likert, .scale, .number: .number(try FormNumber.decimal(answer, field: "showIfQuestion-\(row)"))
        case .shortText, .longText: .text(answer)
        case .singleChoice, nil: .choice(answer)
        }
        return SurveyQuestion.Condition(questionId: "q\(target)", equals: value)
    }

    /// The form, for ministry officers.
    private func form(
        _ identity: Identity, count: Int, fields: FormFields? = nil, errors: [String: String] = [:], formError: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard identity.account.actor.role == .ministryOfficer else { throw Problem.forbidden("draft a survey", "پیش‌نویس نظرسنجی") }
        let page = SurveyDraftPage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), count: count, now: Date(), fields: fields, errors: errors, formError: formError)
        return try pages.response(SurveyDraftPage.template, page, status: status)
    }
}
