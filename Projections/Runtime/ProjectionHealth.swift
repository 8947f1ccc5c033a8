import Synchronization

/// Whether the live projectors are keeping up, for `/health` and `/metrics`: read in memory on
/// every request, so that a health check touches no database.
///
/// ``ProjectionRunner/followHealing(health:gathering:)`` writes it: the reason while a run has
/// stopped on a storage failure and waits to try again, and the projectors that stopped at an
/// event of their own (a bug, which only a new version mends).
public final class ProjectionHealth: Sendable {
    /// What the server reports.
    public struct Snapshot: Sendable, Hashable {
        /// Why the projectors are not running now (a full disk, a database error), nil while they run.
        public var interruption: String?
        /// Projectors stopped at an event, by name.
        public var stoppedProjectors: [String] = []
        /// How many times a run stopped on a storage failure and was started again.
        public var restarts = 0

        public init() {}

        /// Whether every projector is running.
        public var isHealthy: Bool { interruption == nil && stoppedProjectors.isEmpty }

        /// One sentence saying what is wrong, nil when nothing is.
        public var reason: String? {
            if let interruption { return "read models stopped, retrying: \(interruption)" }
            if !stoppedProjectors.isEmpty { return "projectors stopped at an event: \(stoppedProjectors.joined(separator: ", "))" }
            return nil
        }
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func interrupted(_ reason: String) {
        state.withLock {
            $0.interruption = reason
            $0.restarts += 1
        }
    }

    func caughtUp(_ statuses: [ProjectorStatus]) {
        let stopped = statuses.filter { $0.failure != nil }.map(\.name)
        state.withLock {
            $0.interruption = nil
            $0.stoppedProjectors = stopped
        }
    }
}
