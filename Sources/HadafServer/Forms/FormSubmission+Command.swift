import Foundation
import Hummingbird
import Participation

extension FormSubmission {
    /// Runs the form's command, `name` with `payload`, as the form's signed-in sender: the CSRF
    /// token, the role and the sender's scope are checked first, and the form's idempotency key
    /// makes a double submit land once. Dates in `payload` go as the commands read them, whole
    /// milliseconds since 1970.
    func run(
        _ name: String, payload: some Encodable, on runner: CommandRunner, in context: HadafRequestContext, of request: Request
    ) async throws -> CommandRunner.Result {
        let account = try sender(in: context, of: request, running: name)
        let command = try CommandRequest(
            name: name, actor: account.actor, payload: try Self.encoder().encode(payload), idempotencyKey: idempotencyKey(for: account, in: request))
        try CommandAccess.check(command, by: account)
        return try await runner.run(command)
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }
        return encoder
    }
}
