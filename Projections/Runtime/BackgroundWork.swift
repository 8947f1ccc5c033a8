import Dispatch
import Synchronization

/// Work started on another thread at once, and waited for where its result is needed: how a
/// pass over the log uses the machine's second core for a second pass.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let finished = DispatchGroup()
    private let outcome = Mutex<Result<Value, ProjectionError>?>(nil)

    init(_ work: @escaping @Sendable () throws(ProjectionError) -> Value) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            let result = Result { () throws(ProjectionError) -> Value in try work() }
            outcome.withLock { $0 = result }
            finished.leave()
        }
    }

    /// Waits for the work to end; returns what it returned or throws what it threw.
    func value() throws(ProjectionError) -> Value {
        finished.wait()
        return try outcome.withLock { $0! }.get()
    }

    /// Waits for the work to end, whatever its outcome.
    func wait() {
        finished.wait()
    }
}
