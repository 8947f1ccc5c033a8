import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import NIOCore
import Participation

/// The form handler for reviewing a regulation: `POST /forms/regulations/{id}/contributions`
/// takes a comment or a proposed amendment on one article (`kind`, `article`, `text`, and the
/// `rationale` an amendment needs) as the signed-in participant. Like the submission forms: a
/// browser is sent back to the regulation's page (303), a script gets 201 and JSON, and the
/// hidden `idempotencyKey` makes a double submit land once.
struct ContributionFormRoutes {
    let runner: CommandRunner

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
        router.post("/forms/regulations/:id/contributions") { request, context in
            let regulation = try context.parameters.require("id")
            let submission = try await FormSubmission.read(request, limit: context.maxUploadSize)
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
}
