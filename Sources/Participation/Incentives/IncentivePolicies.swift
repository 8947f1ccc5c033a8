import Crypto
import EventStore
import Foundation
import HadafEvents

/// Adopts incentive policies from their files.
public struct IncentivePolicies: Sendable {
    let handler: CommandHandler<PolicyYear>

    public init(store: EventStore, clock: any Clock = SystemClock()) {
        handler = CommandHandler(store: store, clock: clock)
    }

    /// Adopts the policy in `source` (a JSON file's bytes) for the academic year it names,
    /// recording the bytes and their SHA-256.
    public func adopt(_ source: Data, by actor: Actor) async throws(DomainError) -> CommandHandler<PolicyYear>.Outcome {
        let policy: IncentivePolicy
        do {
            policy = try JSONDecoder().decode(IncentivePolicy.self, from: source)
        } catch let error as DecodingError {
            throw .policyInvalid([.malformedCommand(error.explanation)])
        } catch {
            throw .policyInvalid([.malformedCommand(String(describing: error))])
        }
        let hash = Data(SHA256.hash(data: source)).hexString
        return try await handler.handle(
            .adopt(policy, source: String(decoding: source, as: UTF8.self), contentHash: hash),
            on: PolicyYear.stream(year: policy.academicYear), by: actor)
    }
}
