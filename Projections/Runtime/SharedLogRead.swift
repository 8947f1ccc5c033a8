import Dispatch
import EventStore
import Synchronization

/// The log read once, on a thread of its own, each page handed to the folds of several threads.
///
/// A rebuild folds its projectors on two threads from the same pages. Reading the pages is about
/// a tenth of the work; done by either folding thread, it made that thread the slower one. On a
/// thread of its own it runs on whichever core is free at the time.
///
/// Each receiver gets every page in order, then a nil: at the head, or early when the read
/// failed. A receiver must therefore ask ``checkEnd()`` before it trusts that the pages reached
/// the head. A receiver that stops its channel gets nothing more; the others go on.
final class SharedLogRead: Sendable {
    /// One channel for each receiver, in the order asked for.
    let channels: [PageChannel<[RecordedEvent]?>]
    private let failure = Mutex<ProjectionError?>(nil)

    /// Starts reading the log, from its first event to its head, for `receivers` receivers.
    init(of runner: ProjectionRunner, receivers: Int) {
        // A few pages may wait, so that no thread waits for another at every page.
        channels = (0..<receivers).map { _ in PageChannel<[RecordedEvent]?>(depth: 4) }
        DispatchQueue.global().async { [self] in read(runner) }
    }

    private func read(_ runner: ProjectionRunner) {
        var open = channels
        do throws(ProjectionError) {
            var next: Int64 = 1
            while !open.isEmpty, let page = try runner.nextPage(from: &next) {
                open.removeAll { !$0.send(page) }
            }
        } catch {
            failure.withLock { $0 = error }
        }
        // Recorded before the end is sent, so that a receiver that got its nil knows why.
        for channel in open { _ = channel.send(nil) }
    }

    /// Throws the error that ended the read early, if one did. Asked by a receiver after its nil,
    /// the answer is final, whatever the other receivers still have to receive.
    func checkEnd() throws(ProjectionError) {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
