import EventStore
import HadafProjections
import Hummingbird
import Participation

/// `GET /university`: a university's participation in a year and who reached which incentive,
/// for its deputy officers (their university) and the ministry (`?university=`).
struct UniversityPageRoutes {
    let store: EventStore
    let model: ReadModel
    let pages: PageRenderer

    func add(to router: Router<HadafRequestContext>) {
        router.get("/university") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let scope = try OfficerScope(identity.account, request)
            let universityName = try OfficerScope.name(of: scope.university, in: store)
            let names = DisplayNames(store: store)
            let page = try UniversitySummaryPage(
                account: PageAccount(identity.account, csrfToken: identity.csrfToken), universityName: universityName,
                summary: try UniversitySummary.read(university: scope.university, year: scope.year, in: model),
                eligible: try EligibilityEntry.read(university: scope.university, year: scope.year, in: model),
                name: { participant in try names.recipient(participant, universityName: universityName) })
            return try pages.response(UniversitySummaryPage.template, page)
        }
    }
}
