import Crypto
import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import NIOCore
import Participation

/// The form handler for ideas: `POST /forms/idea` takes an `application/x-www-form-urlencoded`
/// idea (title, summary, problem, proposal, expectedImpact, category, every one required, as a
/// submitted idea needs them), drafts and submits it as the signed-in participant. A browser is sent on to a confirmation page (303); a script gets
/// 201 and JSON. The hidden `idempotencyKey` field (or the `Idempotency-Key` header) makes a
/// double submit land once and answer with the first result.
struct IdeaFormRoutes {
    let runner: CommandRunner

    /// What the form handler answers a script.
    struct Submitted: Codable {
        let submissionId: String
        /// First and last log positions of the draft and its submission.
        let positions: [Int64]?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.post("/forms/idea") { request, context in
            try await submit(request, context: context)
        }
        router.get("/forms/idea/submitted/:id") { _, context in
            let account = try context.requireAccount()
            let id = try context.parameters.require("id")
            let page = ConfirmationPage(account: account, submissionId: id, at: Date()).html
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        }
    }

    private func submit(_ request: Request, context: HadafRequestContext) async throws -> Response {
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            throw Problem.unsupportedMediaType("application/x-www-form-urlencoded")
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let form = try FormFields(urlEncoded: String(buffer: body))
        let account = try context.requireAccount(changing: form["csrfToken"] ?? request.headers[.csrfToken])
        let key = (form["idempotencyKey"] ?? request.headers[.idempotencyKey]).map { "\(account.login):\($0)" }
        let submissionId = key.map(Self.submissionId(forKey:)) ?? "idea-\(UUID().uuidString.lowercased())"
        let idea = IdeaFields(
            title: try form.required("title"), summary: try form.required("summary"), problem: try form.required("problem"),
            proposal: try form.required("proposal"), expectedImpact: try form.required("expectedImpact"), category: try form.required("category"))
        let draft = try JSONEncoder().encode(DraftPayload(submissionId: submissionId, content: ["idea": idea]))
        let submission = try JSONEncoder().encode(["submissionId": submissionId])
        var positions: [Int64] = []
        for (name, body, suffix) in [("submission.draft", draft, "draft"), ("submission.submit", submission, "submit")] {
            let command = try CommandRequest(name: name, actor: account.actor, payload: body, idempotencyKey: key.map { "\($0):\(suffix)" })
            try CommandAccess.check(command, by: account)
            if let range = try await runner.run(command).positions { positions += [range.lowerBound, range.upperBound] }
        }
        if request.prefersHTML {
            return Response(status: .seeOther, headers: [.location: "/forms/idea/submitted/\(submissionId)"])
        }
        return try JSONResponse.make(Submitted(submissionId: submissionId, positions: positions.isEmpty ? nil : [positions.min()!, positions.max()!]), status: .created)
    }

    /// The same submission id for the same key, so that a replayed form names the submission
    /// its first sending made.
    static func submissionId(forKey key: String) -> String {
        "idea-" + SHA256.hash(data: Data(key.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    private struct IdeaFields: Encodable {
        let title, summary, problem, proposal, expectedImpact, category: String
    }

    private struct DraftPayload: Encodable {
        let submissionId: String
        let content: [String: IdeaFields]
    }
}
