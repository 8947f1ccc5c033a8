import EventStore
import Foundation
import HadafEvents
import Hummingbird
import NIOCore
import Participation

/// A juror's pages: their blinded entries in a festival (`GET /festivals/{id}/jury`), one entry
/// with the rubric as a form (`GET /festivals/{id}/jury/{number}`), and that form's handler
/// (`POST /forms/festivals/{id}/entries/{number}/scores`), which sends `festival.score`. An
/// entry goes by its neutral number, never its id. A
/// browser is sent back to the list with a word that the score was recorded; a refused score
/// comes back as the form with the choices kept and each reason beside its criterion.
struct JuryRoutes {
    let runner: CommandRunner
    let store: EventStore
    let pages: PageRenderer

    func add(to router: Router<HadafRequestContext>) {
        router.get("/festivals/:id/jury") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            try Self.requireJuror(identity.account)
            let festivalId = try context.parameters.require("id")
            let (festival, announced, entries) = try JurorAssignments(store: store).entries(of: identity.account.actor.id, festival: festivalId)
            let page = JuryPage(
                account: PageAccount(identity.account, csrfToken: identity.csrfToken), festivalId: festivalId, festival: festival, announced: announced,
                entries: entries, scored: request.uri.queryParameters["scored"].flatMap { Int(String($0)) })
            return try pages.response(JuryPage.template, page)
        }
        router.get("/festivals/:id/jury/:entry") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            try Self.requireJuror(identity.account)
            let (festivalId, number) = (try context.parameters.require("id"), try context.parameters.require("entry"))
            let (festival, announced, entry) = try assigned(number, in: festivalId, to: identity.account)
            let page = JuryEntryPage(account: PageAccount(identity.account, csrfToken: identity.csrfToken), festivalId: festivalId, festival: festival, announced: announced, entry: entry)
            return try pages.response(JuryEntryPage.template, page)
        }
        router.post("/forms/festivals/:id/entries/:entry/scores") { request, context in
            let (festivalId, number) = (try context.parameters.require("id"), try context.parameters.require("entry"))
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "festival.score")
            let account = try form.sender(in: context, of: request, running: "festival.score")
            let (festival, announced, entry) = try assigned(number, in: festivalId, to: account)
            let entryId = entry.entryId
            var chosen: [String: String] = [:]
            for criterion in entry.rubric { chosen[criterion.id] = form.fields[criterion.id].map(Digits.latin) }
            do {
                let scores = try entry.rubric.map { criterion throws(Problem) in
                    guard let text = form.fields[criterion.id], let score = Int(Digits.latin(text)) else {
                        throw Problem.malformedForm(field: criterion.id, english: "Choose a score for '\(criterion.title)'.", persian: "برای «\(criterion.title)» امتیازی برگزینید.")
                    }
                    return CriterionScore(criterion: criterion.id, score: score)
                }
                let payload = try JSONEncoder().encode(Payload(festivalId: festivalId, entryId: entryId, scores: scores))
                let positions = try await runner.run(try CommandRequest(name: "festival.score", actor: account.actor, payload: payload, idempotencyKey: nil)).positions
                return try FormSubmission.reply(
                    to: request, seeOther: "/festivals/\(festivalId)/jury?scored=\(entry.number)",
                    created: Scored(entryNumber: entry.number, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                let errors = refusal.messages { field in entry.rubric.contains { $0.id == field } ? field : nil }
                let page = JuryEntryPage(
                    account: refusal.account, festivalId: festivalId, festival: festival, announced: announced, entry: entry, chosen: chosen,
                    errors: errors, formError: refusal.formMessage(besides: errors))
                return try pages.response(JuryEntryPage.template, page, status: refusal.problem.status)
            }
        }
    }

    /// What the form handler answers a script.
    struct Scored: Codable {
        let entryNumber: Int
        let positions: [Int64]?
    }

    private struct Payload: Encodable {
        let festivalId: String
        let entryId: String
        let scores: [CriterionScore]
    }

    /// The festival and the entry numbered `number`, when it is assigned to the account's juror;
    /// a 403 otherwise.
    private func assigned(_ number: String, in festivalId: String, to account: Account) throws -> (FestivalOpened, Bool, BlindEntry) {
        let (festival, announced, entries) = try JurorAssignments(store: store).entries(of: account.actor.id, festival: festivalId)
        guard let entry = entries.first(where: { String($0.number) == Digits.latin(number) }) else {
            throw Problem.forbidden("score an entry not assigned to you", "داوری اثری که به شما سپرده نشده")
        }
        return (festival, announced, entry)
    }

    private static func requireJuror(_ account: Account) throws(Problem) {
        guard account.actor.role == .juror else { throw .forbidden("see a jury's entries", "دیدن آثار داوری") }
    }
}
