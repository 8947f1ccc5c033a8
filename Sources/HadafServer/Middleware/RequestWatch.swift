import Dispatch
import Synchronization

/// Watches one request's task from outside Swift's cooperative threads: cancels it at its
/// deadline, or as soon as its client has gone, and says which happened.
///
/// The timers run on Dispatch, not as child tasks: a request reading SQLite synchronously holds
/// a cooperative thread, and with two cores two such requests held them all, so a deadline kept
/// as a task never fired and the reads ran on for minutes. Cancelling the task from a Dispatch
/// thread sets its flag, which SQLite's progress handler sees on the thread that runs the read
/// (``TaskCancellationInterrupt``).
final class RequestWatch {
    enum Reason: Sendable { case deadline, clientGone }

    /// How often the client's connection is looked at while the request runs.
    static let clientCheckInterval = DispatchTimeInterval.milliseconds(200)

    /// The watches' own queue. Not the global queue: on Linux that one runs on as many threads
    /// as there are cores, so two blocking calls on it (a test client's, a library's) held every
    /// timer, and deadlines fired only once they returned. A queue of its own gets a thread of
    /// its own when it needs one.
    private static let queue = DispatchQueue(label: "hadaf.request-watch")

    /// The first reason the task was cancelled for.
    private final class Held: Sendable {
        let reason = Mutex<Reason?>(nil)

        /// Records `reason` unless one is recorded; true when it is the first.
        func record(_ reason: Reason) -> Bool {
            self.reason.withLock { held in
                guard held == nil else { return false }
                held = reason
                return true
            }
        }
    }

    private let held = Held()
    private let timer: any DispatchSourceTimer
    private let deadline: DispatchWorkItem

    /// Why the request was cancelled, nil while it was not.
    var reason: Reason? { held.reason.withLock { $0 } }

    init(cancelling task: Task<some Sendable, any Error>, after limit: Duration, connection: ClientConnection) {
        let held = self.held
        let stop: @Sendable (Reason) -> Void = { reason in
            if held.record(reason) { task.cancel() }
        }
        let (seconds, attoseconds) = limit.components
        deadline = DispatchWorkItem { stop(.deadline) }
        Self.queue.asyncAfter(
            deadline: .now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)), execute: deadline)
        timer = DispatchSource.makeTimerSource(queue: Self.queue)
        timer.schedule(deadline: .now() + Self.clientCheckInterval, repeating: Self.clientCheckInterval)
        timer.setEventHandler { connection.checkGone { stop(.clientGone) } }
        timer.resume()
    }

    /// Ends the watch once the request has answered.
    func stop() {
        deadline.cancel()
        timer.cancel()
    }
}
