import EventStore
import HadafEvents
import HadafProjections
import Hummingbird
import Participation

/// The public page of a festival's winners, `GET /festivals/{id}/winners`: no one needs to sign
/// in. (A juror's pages are ``JuryRoutes``; the JSON is ``FestivalRoutes``.)
struct FestivalPageRoutes {
    let store: EventStore
    let pages: PageRenderer

    func add(to router: Router<HadafRequestContext>) {
        router.get("/festivals/:id/winners") { _, context in
            let festival = try context.parameters.require("id")
            let inputs = try FestivalRoutes.found(festival) { () throws(ProjectionError) in try FestivalInputs.read(festival, from: store) }
            let universities = CommandHandler<University>(store: store)
            let page = try FestivalWinnersPage(
                account: context.identity.map { PageAccount($0.account, csrfToken: $0.csrfToken) }, inputs: inputs,
                universityName: { code in try universities.load(University.stream(code: code)).state.registered?.name ?? code },
                day: { position in try PersianDisplay.day(ofPosition: position, in: store) })
            return try pages.response(FestivalWinnersPage.template, page)
        }
    }
}
