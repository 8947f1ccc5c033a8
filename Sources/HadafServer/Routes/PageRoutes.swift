import EventStore
import Foundation
import HadafProjections
import Hummingbird
import NIOCore

/// The pages for people: the dashboard at `/` and the style sheet. A browser that is not signed
/// in is sent to `/login`. (Sign-in and sign-out are ``SessionRoutes``; each form's page is with
/// its handler: ``SubmissionFormRoutes``, ``SurveyFormRoutes``, ``ContributionFormRoutes``,
/// ``JuryRoutes``, ``ScreeningRoutes``.)
struct PageRoutes {
    let pages: PageRenderer
    let store: EventStore
    let model: ReadModel

    func add(to router: Router<HadafRequestContext>) {
        router.get("/assets/hadaf.css") { _, _ in
            guard let url = Bundle.module.url(forResource: "Assets/hadaf", withExtension: "css") else { throw Problem.notFound(.styleSheet) }
            return Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url))))
        }
        router.get("/") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let page = try DashboardPage(
                account: identity.account, page: PageAccount(identity.account, csrfToken: identity.csrfToken), now: Date(), model: model, store: store)
            return try pages.response(DashboardPage.template, page)
        }
    }
}
