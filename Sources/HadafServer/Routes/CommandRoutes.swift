import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Participation

/// `POST /api/v1/commands/{name}`: every command of the participation layer, its payload as
/// the JSON body, acted by the signed-in account. `Idempotency-Key` makes a retry return the
/// first result; keys are the account's own, so two accounts' keys never meet.
struct CommandRoutes {
    let runner: CommandRunner
    /// Run after an erasure, so that nobody signs in as the erased person and their files go.
    let erasure: ErasureSweep

    func add(to router: Router<HadafRequestContext>) {
        router.post("/api/v1/commands/:name") { request, context in
            try await run(request, context: context)
        }
    }

    /// What a command did, as the API answers it.
    struct Outcome: Codable {
        let command: String
        /// First and last log positions of its events; nil when it changed nothing.
        let positions: [Int64]?
        let participantId: String?
        /// The award an `award.issue` issued.
        let awardId: String?
    }

    private func run(_ request: Request, context: HadafRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        guard CommandRequest.names.contains(name) else { throw Problem.notFound(.command(name)) }
        let account = try context.requireAccount(changing: request.headers[.csrfToken])
        try CommandAccess.check(command: name, by: account)
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else { throw Problem.unsupportedMediaType("application/json") }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let key = request.headers[.idempotencyKey].map(account.idempotencyKey)
        let command = try CommandRequest(name: name, actor: account.actor, payload: Data(body.readableBytesView), idempotencyKey: key)
        try CommandAccess.check(command, by: account)
        let result = try await runner.run(command)
        // Swept again when the erasure was already done: a retry after a failed sweep finishes it.
        if case .eraseParticipant = command.command, let participant = result.participantId { try erasure.sweep(participant: participant) }
        let outcome = Outcome(command: name, positions: result.positions.map { [$0.lowerBound, $0.upperBound] }, participantId: result.participantId, awardId: result.awardId)
        return try JSONResponse.make(outcome, status: result.positions == nil ? .ok : .created)
    }
}
