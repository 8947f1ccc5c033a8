import EventStore
import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import Participation

/// The ministry's regulations office in the browser: `GET /regulations` lists every regulation
/// with its review, and its forms publish a regulation (`POST /forms/regulations`), open a review
/// round on one (`…/{id}/round`: a deadline typed as a day, which runs to its end, and the roles
/// and universities addressed) and finalise a round whose deadline has passed (`…/{id}/finalise`,
/// with the next version's text when it changed). A browser goes back to the office; a refusal
/// comes back as the office with the reason beside the field or in the regulation's section.
/// (A regulation's own page, where proposals are answered, is ``ContributionFormRoutes``.)
struct RegulationOfficeRoutes {
    let runner: CommandRunner
    let store: EventStore
    let pages: PageRenderer

    private struct Publish: Encodable {
        let regulationId, kind, title: String
        let articles: [RegulationArticle]
    }

    private struct OpenRound: Encodable {
        let regulationId: String
        let deadline: Date
        let audience: Audience
    }

    private struct Finalise: Encodable {
        let regulationId: String
        let nextArticles: [RegulationArticle]?
    }

    /// What the forms answer a script.
    struct Done: Codable {
        let regulationId: String
        let positions: [Int64]?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.get("/regulations") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            return try office(identity, notice: request.uri.queryParameters.get("done").map { "«\($0)» ثبت شد." })
        }
        router.post("/forms/regulations") { request, context in
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "regulation.publish")
            let fields = form.fields
            do {
                let articles = ArticlesText.articles(fields["articles"] ?? "")
                guard !articles.isEmpty else {
                    throw Problem.malformedForm(field: "articles", english: "Write at least one article.", persian: "دست‌کم یک ماده بنویسید.")
                }
                let id = try fields.required("regulationId")
                let payload = Publish(regulationId: id, kind: fields["kind"] ?? "", title: try fields.required("title"), articles: articles)
                return try done(id, try await form.run("regulation.publish", payload: payload, on: runner, in: context, of: request), request)
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                let errors = refusal.messages { field in
                    field.hasPrefix("articles") ? "articles" : ["regulationId", "title"].contains(field) ? field : nil
                }
                return try office(
                    refusal.identity, formError: refusal.formMessage(besides: errors), publish: .init(fields, errors: errors), status: refusal.problem.status)
            }
        }
        router.post("/forms/regulations/:id/round") { request, context in
            let regulation = try context.parameters.require("id")
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "regulation.open_round")
            let fields = form.fields
            do {
                let universities = (fields["universities"] ?? "").split(whereSeparator: { ",، ".contains($0) }).map(String.init)
                let payload = OpenRound(
                    regulationId: regulation, deadline: try FormDate.endOfDay("deadline", in: fields),
                    audience: Audience(kinds: fields.values["audience"] ?? [], universities: universities))
                return try done(regulation, try await form.run("regulation.open_round", payload: payload, on: runner, in: context, of: request), request)
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                let refused = RegulationsOfficePage.Refused(
                    regulationId: regulation, message: refusal.problem.persianMessage, deadline: fields["deadline"], audience: fields.values["audience"] ?? [],
                    articles: nil)
                return try office(refusal.identity, refused: refused, status: refusal.problem.status)
            }
        }
        router.post("/forms/regulations/:id/finalise") { request, context in
            let regulation = try context.parameters.require("id")
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "regulation.finalise")
            do {
                let current = try CommandHandler<Regulation>(store: store).load(Regulation.stream(regulation)).state.current?.articles ?? []
                let typed = ArticlesText.articles(form.fields["articles"] ?? "")
                let payload = Finalise(regulationId: regulation, nextArticles: typed.isEmpty || typed == current ? nil : typed)
                return try done(regulation, try await form.run("regulation.finalise", payload: payload, on: runner, in: context, of: request), request)
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                let refused = RegulationsOfficePage.Refused(
                    regulationId: regulation, message: refusal.problem.persianMessage, deadline: nil, audience: nil, articles: form.fields["articles"])
                return try office(refusal.identity, refused: refused, status: refusal.problem.status)
            }
        }
    }

    private func done(_ regulation: String, _ result: CommandRunner.Result, _ request: Request) throws -> Response {
        try FormSubmission.reply(
            to: request, seeOther: "/regulations?done=\(regulation)#regulation-\(regulation)",
            created: Done(regulationId: regulation, positions: result.positions.map { [$0.lowerBound, $0.upperBound] }))
    }

    /// The office page, for ministry officers.
    private func office(
        _ identity: Identity, notice: String? = nil, formError: String? = nil, publish: RegulationsOfficePage.Draft = .init(),
        refused: RegulationsOfficePage.Refused? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard identity.account.actor.role == .ministryOfficer else { throw Problem.forbidden("manage regulations", "اداره آیین‌نامه‌ها") }
        let handler = CommandHandler<Regulation>(store: store)
        let regulations = try store.streams(prefixed: "regulation-").map { stream in
            (id: String(stream.dropFirst("regulation-".count)), state: try handler.load(stream).state)
        }
        let page = RegulationsOfficePage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), regulations: regulations, now: Date(), notice: notice,
            formError: formError, publish: publish, refused: refused)
        return try pages.response(RegulationsOfficePage.template, page, status: status)
    }
}
