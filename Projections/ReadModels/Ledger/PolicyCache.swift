import Foundation
import HadafEvents
import Synchronization

/// Decoded policies by content hash: a policy is decoded once per process, not at every fold.
final class PolicyCache: Sendable {
    static let shared = PolicyCache()
    private let policies = Mutex<[String: IncentivePolicy]>([:])

    func policy(hash: String, source: String) throws -> IncentivePolicy {
        if let cached = policies.withLock({ $0[hash] }) { return cached }
        let policy = try JSONDecoder().decode(IncentivePolicy.self, from: Data(source.utf8))
        policies.withLock { $0[hash] = policy }
        return policy
    }
}
