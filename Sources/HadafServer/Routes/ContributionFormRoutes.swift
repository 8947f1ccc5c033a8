import EventStore
import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import NIOCore
import HadafProjections
import Participation

/// The form handler for reviewing a regulation: `POST /forms/regulations/{id}/contributions`
/// takes a comment or a proposed amendment on one article (`kind`, `article`, `text`, and the
/// `rationale` an amendment needs) as the signed-in participant. Like the submission forms: a
/// browser is sent back to the regulation's page (303), a script gets 201 and JSON, and the
/// hidden `idempotencyKey` makes a double submit land once.
///
/// The regulation's page is `GET /regulations/{id}`. A browser whose contribution is refused gets
/// the page again, with what it wrote in its article's form and the reason beside the field.
/// `POST …/contributions/{contribution}/endorse` and `…/withdraw` endorse another's proposal and
/// withdraw one's own contribution, back to the article. Once a round's deadline has passed, a
/// ministry officer answers each proposal from the page (`POST …/proposals/{proposal}/answer`:
/// adopted, partly adopted or rejected, with the reason its author will read).
struct ContributionFormRoutes {
    let runner: CommandRunner
    let store: EventStore
    let model: ReadModel
    let pages: PageRenderer

    /// What the form handler answers a script.
    struct Contributed: Codable {
        let contributionId: String
        let positions: [Int64]?
    }

    private struct Payload: Encodable {
        let regulationId, contributionId, kind: String
        let article: Int
        let text: String
        let rationale: String?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.get("/regulations/:id") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            return try page(try context.parameters.require("id"), identity: identity)
        }
        router.post("/forms/regulations/:id/contributions") { request, context in
            let regulation = try context.parameters.require("id")
            let submission = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "regulation.contribute")
            do {
                return try await contribute(submission, to: regulation, request: request, context: context)
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context), let article = submission.fields["article"].flatMap({ Int(Digits.latin($0)) }) else { throw error }
                let errors = refusal.messages { ["text", "rationale"].contains($0) ? $0 : nil }
                let fields = submission.fields
                let draft = RegulationPage.Draft(
                    article: article, kind: fields["kind"] ?? "comment", text: fields["text"] ?? "", rationale: fields["rationale"] ?? "", errors: errors,
                    formError: refusal.formMessage(besides: errors))
                return try page(regulation, identity: refusal.identity, draft: draft, status: refusal.problem.status)
            }
        }
        router.post("/forms/regulations/:id/proposals/:proposal/answer") { request, context in
            let regulation = try context.parameters.require("id")
            let proposal = try context.parameters.require("proposal")
            let submission = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "regulation.answer")
            let article = submission.fields["article"].flatMap { Int(Digits.latin($0)) }
            do {
                let payload = [
                    "regulationId": regulation, "proposalId": proposal, "verdict": try submission.fields.required("verdict"),
                    "reason": submission.fields["reason"] ?? "",
                ]
                let positions = try await submission.run("regulation.answer", payload: payload, on: runner, in: context, of: request).positions
                return try backToArticle(
                    article, of: regulation, request: request, created: Contributed(contributionId: proposal, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML && context.identity != nil {
                return try refused(error, onArticle: article, of: regulation, context: context)
            }
        }
        for (action, command) in [("endorse", "regulation.endorse"), ("withdraw", "regulation.withdraw")] {
            router.post("/forms/regulations/:id/contributions/:contribution/\(action)") { request, context in
                let regulation = try context.parameters.require("id")
                let contribution = try context.parameters.require("contribution")
                let submission = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: command)
                let article = submission.fields["article"].flatMap { Int(Digits.latin($0)) }
                do {
                    let payload = action == "endorse"
                        ? ["regulationId": regulation, "proposalId": contribution]
                        : ["regulationId": regulation, "contributionId": contribution]
                    let positions = try await submission.run(command, payload: payload, on: runner, in: context, of: request).positions
                    return try backToArticle(
                        article, of: regulation, request: request, created: Contributed(contributionId: contribution, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
                } catch let error where request.prefersHTML && context.identity != nil {
                    return try refused(error, onArticle: article, of: regulation, context: context)
                }
            }
        }
    }

    /// After an answer, an endorsement or a withdrawal: a browser goes back to the article it
    /// came from (303), a script gets 201 and JSON.
    private func backToArticle(_ article: Int?, of regulation: String, request: Request, created: Contributed) throws -> Response {
        try FormSubmission.reply(to: request, seeOther: "/regulations/\(regulation)\(article.map { "#article-\($0)" } ?? "")", created: created)
    }

    /// The regulation's page again, with the reason an answer, endorsement or withdrawal was
    /// refused above its article's form; rethrows what is not a refusal of the form.
    private func refused(_ error: any Error, onArticle article: Int?, of regulation: String, context: HadafRequestContext) throws -> Response {
        guard let refusal = FormRefusal(error, context: context), let article else { throw error }
        let draft = RegulationPage.Draft(article: article, kind: "comment", text: "", rationale: "", errors: [:], formError: refusal.problem.persianMessage)
        return try page(regulation, identity: refusal.identity, draft: draft, status: refusal.problem.status)
    }

    /// The regulation's page for the signed-in person, with a refused draft when there is one.
    private func page(
        _ regulation: String, identity: Identity, draft: RegulationPage.Draft? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let digest = try RegulationDigest.read(regulation, in: model) else { throw Problem.notFound(.regulation(regulation)) }
        let account = identity.account
        let listing = try RegulationListing.underReview(at: Date(), kind: account.actor.role.rawValue, university: account.university, in: model)
            .first { $0.regulationId == regulation }
        let round = try CommandHandler<Regulation>(store: store).load(Regulation.stream(regulation)).state.round
        let answers = account.actor.role == .ministryOfficer && round.map { !$0.isFinalised && Date() >= $0.deadline } == true
        let page = RegulationPage(
            account: PageAccount(account, csrfToken: identity.csrfToken), participant: account.actor.id, digest: digest, listing: listing, answers: answers, draft: draft)
        return try pages.response(RegulationPage.template, page, status: status)
    }

    private func contribute(_ submission: FormSubmission, to regulation: String, request: Request, context: HadafRequestContext) async throws -> Response {
        let form = submission.fields
        let account = try submission.sender(in: context, of: request, running: "regulation.contribute")
        let articleText = try form.required("article")
        guard let article = Int(Digits.latin(articleText)), article > 0 else {
            throw Problem.malformedForm(field: "article", english: "'\(articleText)' is not an article number.", persian: "«\(articleText)» شماره ماده نیست.")
        }
        let key = submission.idempotencyKey(for: account, in: request)
        let contributionId = FormSubmission.id("c", forKey: key)
        let rationale = form["rationale"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let payload = try JSONEncoder().encode(Payload(
            regulationId: regulation, contributionId: contributionId, kind: try form.required("kind"), article: article,
            text: try form.required("text"), rationale: rationale))
        let command = try CommandRequest(name: "regulation.contribute", actor: account.actor, payload: payload, idempotencyKey: key)
        let positions = try await runner.run(command).positions
        return try FormSubmission.reply(to: request, seeOther: "/regulations/\(regulation)#article-\(article)", created: Contributed(contributionId: contributionId, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
    }
}
