import Dispatch
import Foundation
import GRDB
import Synchronization

/// The log's single writer, which commits the appends of many callers together.
///
/// With `synchronous=FULL` every commit waits for the disk, so one commit per event caps a
/// durable log at a few thousand events a second. Callers hand their appends to this writer and
/// wait; whenever the disk is free, the writer takes everything that has gathered and commits it
/// in one transaction. Each caller still gets its own result, and a refusal of one caller's
/// append never fails another's: refusals are decided per append inside the transaction, and
/// should the transaction itself fail, each caller's appends are retried on their own.
///
/// An idle writer commits on the caller's own thread (no hand-off); under load the draining
/// moves to the writer's queue, which gives the previous batch's callers a moment to come back
/// before each commit, as PostgreSQL's `commit_delay` does, so that batches stay large.
final class GroupCommitWriter: Sendable {
    typealias Outcome = Result<AppendResult, EventStoreError>

    /// One caller's appends and how to hand back their outcomes.
    private struct Job: Sendable {
        let appends: [StreamAppend]
        let finish: @Sendable ([Outcome]) -> Void
    }

    private struct State {
        var waiting: [Job] = []
        var isDraining = false
    }

    private let pool: DatabasePool
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "hadaf.event-store.writer", qos: .userInitiated)
    /// Where the writer's thread hands finished jobs, so that resuming a batch's callers (an
    /// enqueue and often a thread wake-up each) happens off the writer's critical path.
    private let resumer = DispatchQueue(label: "hadaf.event-store.resumer", qos: .userInitiated)
    private let didCommit: @Sendable (Int64) -> Void

    /// - Parameter didCommit: called with the new head position after each commit, on the
    ///   thread that committed, before any caller of that commit is resumed.
    init(pool: DatabasePool, didCommit: @escaping @Sendable (Int64) -> Void) {
        self.pool = pool
        self.didCommit = didCommit
    }

    /// Writes the appends in one transaction (shared with whatever else is waiting) and returns
    /// one outcome per append, in order.
    func submit(_ appends: [StreamAppend]) async -> [Outcome] {
        await withCheckedContinuation { continuation in
            let job = Job(appends: appends) { continuation.resume(returning: $0) }
            let startsDraining = state.withLock { state in
                state.waiting.append(job)
                guard !state.isDraining else { return false }
                state.isDraining = true
                return true
            }
            if startsDraining { commitInline() }
        }
    }

    // MARK: - The writer's loop

    /// Commits what is waiting on the caller's own thread, then leaves any further batches to
    /// the writer's queue. An append to an idle log thus costs no thread hand-off (on two
    /// virtual cores each wake-up costs about as much as a commit), while under load the
    /// draining moves to the writer's thread and at most one caller's thread ever waits on a
    /// commit.
    private func commitInline() {
        if let jobs = takeWaiting() { Self.finish(commit(jobs)) }
        if hasWaiting() { queue.async { self.drain() } }
    }

    /// Under load, gives the callers of the previous batch a moment to come back, so that
    /// batches stay large: each commit then writes the pages its events share once.
    private func gather(toward previousBatch: Int) {
        guard previousBatch >= 8 else { return }
        for _ in 0..<4 {
            guard state.withLock({ $0.waiting.count }) < previousBatch * 3 / 4 else { return }
            usleep(50)
        }
    }

    private func hasWaiting() -> Bool {
        state.withLock { state in
            if state.waiting.isEmpty { state.isDraining = false }
            return state.isDraining
        }
    }

    private func takeWaiting() -> [Job]? {
        state.withLock { state in
            let jobs = state.waiting
            state.waiting.removeAll(keepingCapacity: true)
            if jobs.isEmpty { state.isDraining = false }
            return jobs.isEmpty ? nil : jobs
        }
    }

    private func drain() {
        var previousBatch = 0
        while true {
            gather(toward: previousBatch)
            guard let jobs = takeWaiting() else { return }
            previousBatch = jobs.count
            let finished = commit(jobs)
            resumer.async { Self.finish(finished) }
        }
    }

    /// Commits the jobs and returns each with its outcomes; the callers are not resumed yet.
    private func commit(_ jobs: [Job]) -> [(Job, [Outcome])] {
        do {
            let (outcomes, head) = try transaction(jobs.map(\.appends))
            didCommit(head)
            return Array(zip(jobs, outcomes))
        } catch {
            guard jobs.count == 1 else { return jobs.flatMap { commit([$0]) } }
            return [(jobs[0], Array(repeating: .failure(error), count: jobs[0].appends.count))]
        }
    }

    private static func finish(_ finished: [(Job, [Outcome])]) {
        for (job, outcomes) in finished { job.finish(outcomes) }
    }

    private func transaction(_ batches: [[StreamAppend]]) throws(EventStoreError) -> ([[Outcome]], Int64) {
        do {
            return try pool.writeWithoutTransaction { db in
                var outcomes: [[Outcome]] = []
                var head: Int64 = 0
                try db.inTransaction(.immediate) {
                    var session = try AppendSession(db, now: EventStore.nowMilliseconds())
                    outcomes = try batches.map { appends in try appends.map { try session.apply($0) } }
                    head = session.headPosition
                    return .commit
                }
                return (outcomes, head)
            }
        } catch let error as EventStoreError {
            throw error
        } catch {
            throw .storage(from: error)
        }
    }
}
