import Synchronization

/// Tells waiting readers when the log's head moves past a position.
///
/// The writer publishes each new head after its commit; followers and read-your-writes
/// waiters sleep here instead of polling the file. A wait also ends at its timeout, which is
/// how a follower notices events that another process appended to the same file.
final class HeadNotifier: Sendable {
    private struct Waiter {
        let position: Int64
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var head: Int64
        var waiters: [Int: Waiter] = [:]
        /// Waits that have begun and not yet ended; a wait ended before its continuation is
        /// registered leaves this set, so registering resumes it at once.
        var open: Set<Int> = []
        var nextTicket = 0
    }

    private let state: Mutex<State>

    init(head: Int64) {
        state = Mutex(State(head: head))
    }

    /// The highest head published so far.
    var head: Int64 { state.withLock { $0.head } }

    /// Records a new head and wakes everyone waiting for a position it reaches.
    func publish(_ head: Int64) {
        let woken = state.withLock { state -> [Waiter] in
            guard head > state.head else { return [] }
            state.head = head
            let reached = state.waiters.filter { $0.value.position <= head }
            for ticket in reached.keys {
                state.waiters[ticket] = nil
                state.open.remove(ticket)
            }
            return Array(reached.values)
        }
        for waiter in woken { waiter.continuation.resume() }
    }

    /// Suspends until the head reaches `position`, the timeout passes, or the task is cancelled.
    /// Returns whether the head reached `position`.
    func wait(for position: Int64, timeout: Duration) async -> Bool {
        let ticket = state.withLock { state -> Int? in
            guard state.head < position else { return nil }
            state.nextTicket += 1
            state.open.insert(state.nextTicket)
            return state.nextTicket
        }
        guard let ticket else { return true }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withTaskCancellationHandler {
                    await withCheckedContinuation { self.register(ticket, position: position, continuation: $0) }
                } onCancel: {
                    self.end(ticket)
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                self.end(ticket)
            }
            await group.next()
            group.cancelAll()
        }
        return head >= position
    }

    private func register(_ ticket: Int, position: Int64, continuation: CheckedContinuation<Void, Never>) {
        let resumeNow = state.withLock { state in
            guard state.open.contains(ticket), state.head < position else {
                state.open.remove(ticket)
                return true
            }
            state.waiters[ticket] = Waiter(position: position, continuation: continuation)
            return false
        }
        if resumeNow { continuation.resume() }
    }

    private func end(_ ticket: Int) {
        let waiter = state.withLock { state -> Waiter? in
            state.open.remove(ticket)
            return state.waiters.removeValue(forKey: ticket)
        }
        waiter?.continuation.resume()
    }
}
