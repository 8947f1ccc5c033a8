import EventStore
import HadafEvents
import HadafProjections
import Foundation
import HTTPTypes
import Hummingbird
import Participation

/// The public page of a festival's winners, `GET /festivals/{id}/winners`: no one needs to sign
/// in; and for the ministry the rankings, `GET /festivals/{id}/standings`, with the form that
/// announces the winners (`POST /forms/festivals/{id}/announce`). (A juror's pages are
/// ``JuryRoutes``; the JSON is ``FestivalRoutes``.)
struct FestivalPageRoutes {
    let runner: CommandRunner
    let store: EventStore
    let pages: PageRenderer

    func add(to router: Router<HadafRequestContext>) {
        router.get("/festivals/:id/winners") { _, context in
            let festival = try context.parameters.require("id")
            let inputs = try FestivalRoutes.found(festival) { () throws(ProjectionError) in try FestivalInputs.read(festival, from: store) }
            let page = try FestivalWinnersPage(
                account: context.identity.map { PageAccount($0.account, csrfToken: $0.csrfToken) }, inputs: inputs,
                universityName: DisplayNames(store: store).university,
                day: { position in try PersianDisplay.day(ofPosition: position, in: store) })
            return try pages.response(FestivalWinnersPage.template, page)
        }
        router.get("/festivals/:id/standings") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            return try standings(try context.parameters.require("id"), identity: identity)
        }
        router.post("/forms/festivals/:id/announce") { request, context in
            let festival = try context.parameters.require("id")
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "festival.announce_winners")
            do {
                let positions = try await form.run("festival.announce_winners", payload: ["festivalId": festival], on: runner, in: context, of: request).positions
                return try FormSubmission.reply(to: request, seeOther: "/festivals/\(festival)/winners", created: Announced(festivalId: festival, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                return try standings(festival, identity: refusal.identity, formError: refusal.problem.persianMessage, status: refusal.problem.status)
            }
        }
    }

    /// What the announcing form answers a script.
    struct Announced: Codable {
        let festivalId: String
        let positions: [Int64]?
    }

    /// The rankings page, for ministry officers.
    private func standings(_ festival: String, identity: Identity, formError: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        guard identity.account.actor.role == .ministryOfficer else { throw Problem.forbidden("see a festival's standings", "دیدن رتبه‌بندی جشنواره") }
        let inputs = try FestivalRoutes.found(festival) { () throws(ProjectionError) in try FestivalInputs.read(festival, from: store) }
        let callClosed = try CommandHandler<Festival>(store: store).load(Festival.stream(festival)).state.callClosed
        let page = try FestivalStandingsPage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), festivalId: festival, inputs: inputs, callClosed: callClosed,
            universityName: DisplayNames(store: store).university, formError: formError)
        return try pages.response(FestivalStandingsPage.template, page, status: status)
    }
}
