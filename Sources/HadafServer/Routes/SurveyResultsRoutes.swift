import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HTTPTypes
import Hummingbird
import Participation

/// `GET /surveys/{id}/results`: a survey's results so far as a page, for ministry and university
/// deputy officers (the JSON is `/api/v1/surveys/{id}/results`); the ministry's dashboard
/// lists every survey with a link here. A ministry officer publishes a draft from it
/// (`POST /forms/surveys/{id}/publish`) and closes a published survey (`…/close`).
struct SurveyResultsRoutes {
    let runner: CommandRunner
    let store: EventStore
    let model: ReadModel
    let pages: PageRenderer

    private struct Reference: Encodable { let surveyId: String }

    /// What the forms answer a script.
    struct Done: Codable {
        let surveyId: String
        let positions: [Int64]?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.get("/surveys/:id/results") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let notice = request.uri.queryParameters.get("done").map { $0 == "publish" ? "نظرسنجی منتشر شد." : $0 == "close" ? "نظرسنجی بسته شد." : "پیش‌نویس ثبت شد." }
            return try results(try context.parameters.require("id"), identity: identity, notice: notice)
        }
        for (action, command) in [("publish", "survey.publish"), ("close", "survey.close")] {
            router.post("/forms/surveys/:id/\(action)") { request, context in
                let survey = try context.parameters.require("id")
                let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: command)
                do {
                    let result = try await form.run(command, payload: Reference(surveyId: survey), on: runner, in: context, of: request)
                    return try FormSubmission.reply(
                        to: request, seeOther: "/surveys/\(survey)/results?done=\(action)",
                        created: Done(surveyId: survey, positions: result.positions.map { [$0.lowerBound, $0.upperBound] }))
                } catch let error where request.prefersHTML && context.identity != nil {
                    guard let refusal = FormRefusal(error, context: context) else { throw error }
                    return try results(survey, identity: refusal.identity, formError: refusal.problem.persianMessage, status: refusal.problem.status)
                }
            }
        }
    }

    /// The results page, for officers.
    private func results(
        _ survey: String, identity: Identity, notice: String? = nil, formError: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let role = identity.account.actor.role
        guard [.ministryOfficer, .universityDeputyOfficer].contains(role) else { throw Problem.forbidden("see survey results", "دیدن نتیجه نظرسنجی") }
        let state = try CommandHandler<Survey>(store: store).load(Survey.stream(survey)).state
        guard let definition = state.definition else { throw Problem.notFound(.survey(survey)) }
        let page = try SurveyResultsPage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), surveyId: survey, state: state, definition: definition,
            results: try SurveyResults.read(survey, in: model), manages: role == .ministryOfficer, notice: notice, formError: formError,
            universityName: DisplayNames(store: store).university)
        return try pages.response(SurveyResultsPage.template, page, status: status)
    }
}
