import EventStore
import HadafEvents
import HadafProjections
import Hummingbird
import Participation

/// `GET /surveys/{id}/results`: a survey's results so far as a page, for ministry and university
/// deputy officers (the JSON is `/api/v1/surveys/{id}/results`); the ministry's dashboard
/// lists every survey with a link here.
struct SurveyResultsRoutes {
    let store: EventStore
    let model: ReadModel
    let pages: PageRenderer

    func add(to router: Router<HadafRequestContext>) {
        router.get("/surveys/:id/results") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            guard [.ministryOfficer, .universityDeputyOfficer].contains(identity.account.actor.role) else {
                throw Problem.forbidden("see survey results", "دیدن نتیجه نظرسنجی")
            }
            let survey = try context.parameters.require("id")
            let definition = try SurveyFormRoutes.definition(of: survey, in: store)
            guard let results = try SurveyResults.read(survey, in: model) else { throw Problem.notFound("survey '\(survey)'") }
            let page = try SurveyResultsPage(
                account: PageAccount(identity.account, csrfToken: identity.csrfToken), title: definition.title, results: results,
                universityName: DisplayNames(store: store).university)
            return try pages.response(SurveyResultsPage.template, page)
        }
    }
}
