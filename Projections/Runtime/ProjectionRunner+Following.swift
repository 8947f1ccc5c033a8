import Dispatch
import EventStore

extension ProjectionRunner {
    /// The folds a live runner keeps from one catch-up to the next, each with the checkpoint it
    /// committed last: a fold is used again only while its projector's checkpoint is still that
    /// one (no other process moved it, no rebuild swapped in another generation).
    struct HeldFolds {
        var folds: [String: any ProjectionFold] = [:]
        var committed: [String: Checkpoint] = [:]

        /// Drops each fold whose projector's checkpoint is no longer the one it committed.
        mutating func keepCurrent(_ checkpoints: [String: Checkpoint]) {
            for name in folds.keys where committed[name] != checkpoints[name] { folds[name] = nil }
        }
    }

    /// Catches up, then applies each new commit as it lands, until the task is cancelled.
    ///
    /// - Parameter gathering: how long to let commits gather after one lands before catching up,
    ///   so that one catch-up folds many of them: a server under load trades this much lag for
    ///   not catching up once per commit.
    ///
    /// The folds are kept from one catch-up to the next, so what they hold (a busy participant's
    /// ledger lines) is not read back from the tables for each commit.
    ///
    /// - Parameter caughtUp: called with the statuses after each catch-up (the server's health
    ///   reads which projectors have stopped).
    public func follow(
        idleCheck: Duration = .seconds(1), gathering: Duration = .zero, caughtUp report: @Sendable ([ProjectorStatus]) -> Void = { _ in }
    ) async throws(ProjectionError) {
        let held = FollowerState()
        var caughtUp = try await held.catchUp(with: self)
        report(caughtUp)
        while !Task.isCancelled {
            let position = caughtUp.map(\.position).max() ?? 0
            do { _ = try await store.waitFor(position: position + 1, timeout: idleCheck) } catch { throw .log(error) }
            if gathering > .zero { try? await Task.sleep(for: gathering) }
            caughtUp = try await held.catchUp(with: self)
            report(caughtUp)
        }
    }

    /// A live runner's folds, caught up on a queue of their own rather than on one of Swift's
    /// cooperative threads: a catch-up is a burst of synchronous SQLite work, and on two cores
    /// it held up the requests queued behind it (a server's p99 fell from about 73 to 57 ms when
    /// it moved). Sendable because `held` is only touched on `queue`.
    final class FollowerState: @unchecked Sendable {
        private var held = HeldFolds()
        private let queue = DispatchQueue(label: "hadaf.projections.follow")

        func catchUp(with runner: ProjectionRunner) async throws(ProjectionError) -> [ProjectorStatus] {
            let result: Result<[ProjectorStatus], ProjectionError> = await withCheckedContinuation { continuation in
                queue.async {
                    continuation.resume(returning: Result { () throws(ProjectionError) in try runner.catchUp(keeping: &self.held) })
                }
            }
            return try result.get()
        }
    }
}
