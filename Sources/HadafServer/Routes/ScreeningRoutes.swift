import EventStore
import Foundation
import HadafEvents
import HadafProjections
import Hummingbird
import NIOCore
import Participation

/// A university deputy officer's screening pages: the queue of their university's submissions
/// (`GET /screening`), one submission with its near-duplicates and the decision form
/// (`GET /screening/{id}`), and that form's handler (`POST /forms/screening/{id}`), which sends
/// `submission.screen`. A browser is sent back to the queue; a refused decision comes back as
/// the form with the choices kept and the reasons above it.
struct ScreeningRoutes {
    let runner: CommandRunner
    let store: EventStore
    let model: ReadModel
    let pages: PageRenderer

    func add(to router: Router<HadafRequestContext>) {
        router.get("/screening") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let university = try Self.university(of: identity.account, asking: request)
            let decided = try request.uri.queryParameters["decided"].flatMap { try Self.content(of: String($0), in: store)?.content.title }
            let page = try ScreeningPage(
                account: PageAccount(identity.account, csrfToken: identity.csrfToken), queue: try ScreeningQueue.read(university: university, in: model),
                day: { position in try PersianDisplay.day(ofPosition: position, in: store) }, decided: decided)
            return try pages.response(ScreeningPage.template, page)
        }
        router.get("/screening/:id") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            return try entryPage(try context.parameters.require("id"), identity: identity)
        }
        router.post("/forms/screening/:id") { request, context in
            let submissionId = try context.parameters.require("id")
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "submission.screen")
            let fields = form.fields
            func value(_ name: String) -> String? { fields[name].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } }
            do {
                let payload = Payload(
                    submissionId: submissionId, decision: try fields.required("decision"), ground: value("ground"), duplicateOf: value("duplicateOf"), reason: value("reason"))
                let positions = try await form.run("submission.screen", payload: payload, on: runner, in: context, of: request).positions
                return try FormSubmission.reply(
                    to: request, seeOther: "/screening?decided=\(submissionId)", created: Screened(submissionId: submissionId, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                let names = ["decision", "ground", "duplicateOf", "reason"]
                let errors = refusal.messages { names.contains($0) ? $0 : nil }
                var chosen: [String: String] = [:]
                for name in names { chosen[name] = fields[name] }
                return try entryPage(
                    submissionId, identity: refusal.identity, chosen: chosen, errors: errors, formError: refusal.formMessage(besides: errors), status: refusal.problem.status)
            }
        }
    }

    /// What the form handler answers a script.
    struct Screened: Codable {
        let submissionId: String
        let positions: [Int64]?
    }

    private struct Payload: Encodable {
        let submissionId, decision: String
        let ground, duplicateOf, reason: String?
    }

    /// The submission's page, when it awaits screening at the account's university.
    private func entryPage(
        _ submissionId: String, identity: Identity, chosen: [String: String] = [:], errors: [String: String] = [:], formError: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let university = try screeningUniversity(of: submissionId, for: identity.account)
        guard let item = try ScreeningQueue.read(university: university, in: model).first(where: { $0.submissionId == submissionId }),
              let (content, authors) = try Self.content(of: submissionId, in: store)
        else { throw Problem.notFound(.submission(submissionId)) }
        let page = ScreeningEntryPage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), item: item, content: content, authors: authors, chosen: chosen, errors: errors,
            formError: formError)
        return try pages.response(ScreeningEntryPage.template, page, status: status)
    }

    /// The submission's latest content and authors, from its stream.
    private static func content(of submissionId: String, in store: EventStore) throws -> (content: SubmissionContent, authors: [SubmissionAuthor])? {
        let state = try CommandHandler<Submission>(store: store).load(Submission.stream(submissionId)).state
        return state.content.map { ($0, state.authors) }
    }

    /// The university a deputy officer screens for; others may not screen here.
    /// The university whose queue a page shows: a deputy officer's own; for the ministry, which
    /// may screen any university's submissions (as through the API), the one `?university=` names.
    private static func university(of account: Account, asking request: Request) throws -> String {
        switch account.actor.role {
        case .universityDeputyOfficer, .ministryOfficer: try OfficerScope(account, request).university
        default: throw Problem.forbidden("screen submissions", "بررسی ارسال‌ها")
        }
    }

    /// The university at which `submissionId` is screened by `account`: a deputy officer's own,
    /// or for the ministry the one it was submitted at.
    private func screeningUniversity(of submissionId: String, for account: Account) throws -> String {
        switch account.actor.role {
        case .universityDeputyOfficer:
            guard let university = account.university else { throw Problem.forbidden("screen submissions", "بررسی ارسال‌ها") }
            return university
        case .ministryOfficer:
            guard let drafted = try CommandHandler<Submission>(store: store).load(Submission.stream(submissionId)).state.drafted else {
                throw Problem.notFound(.submission(submissionId))
            }
            return drafted.university
        default:
            throw Problem.forbidden("screen submissions", "بررسی ارسال‌ها")
        }
    }
}
