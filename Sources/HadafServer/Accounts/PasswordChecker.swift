import Dispatch
import Synchronization

/// Runs password checks (bcrypt, deliberately slow) on one thread of their own, with a bounded
/// queue in front of it.
///
/// A check takes tens of milliseconds of CPU. Run on Swift's cooperative threads (two on this
/// machine), a flood of failed sign-ins under made-up logins held them all, and a signed-in
/// student's `GET /api/v1/me` went from 2 ms to 449 ms. Here at most one core hashes passwords,
/// whatever the load; the other serves everyone else. When more than ``maximumWaiting`` checks
/// wait, a new sign-in is refused at once (429, ``Problem/signInBusy``) rather than queued.
final class PasswordChecker: Sendable {
    static let maximumWaiting = 64
    private let queue = DispatchQueue(label: "hadaf.passwords", qos: .utility)
    private let waiting = Mutex(0)

    /// Runs `check` on the password thread; throws ``Problem/signInBusy`` when too many wait.
    func run<T: Sendable>(_ check: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = waiting.withLock { count in
            guard count < Self.maximumWaiting else { return false }
            count += 1
            return true
        }
        guard admitted else { throw Problem.signInBusy }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                defer { self.waiting.withLock { $0 -= 1 } }
                continuation.resume(with: Result { try check() })
            }
        }
    }
}
