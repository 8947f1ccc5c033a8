import Dispatch
import Synchronization

/// Items handed from one thread to another, at most `depth` waiting: how pages of the log read
/// on one thread reach a fold on another without the reader running ahead without bound.
final class PageChannel<Item: Sendable>: Sendable {
    private let room: DispatchSemaphore
    private let ready = DispatchSemaphore(value: 0)
    private let state = Mutex<(items: [Item], stopped: Bool)>(([], false))

    init(depth: Int) {
        // Made with no room, then given it: libdispatch stops the process when a semaphore is
        // freed below the value it was made with, as the room of a channel dropped with items
        // still waiting in it would be (a receiver that failed before receiving them all).
        room = DispatchSemaphore(value: 0)
        for _ in 0..<depth { room.signal() }
    }

    /// Hands `item` over, waiting while `depth` items wait already; false (and the item dropped)
    /// once the receiving side has stopped, after which it never waits again.
    func send(_ item: Item) -> Bool {
        room.wait()
        let accepted = state.withLock { state in
            guard !state.stopped else { return false }
            state.items.append(item)
            return true
        }
        // Refused, the room taken is given back, so that a later send does not wait either.
        if accepted { ready.signal() } else { room.signal() }
        return accepted
    }

    /// The next item, waiting for it.
    func receive() -> Item {
        ready.wait()
        let item = state.withLock { $0.items.removeFirst() }
        room.signal()
        return item
    }

    /// Tells the sending side that nothing more will be received: a send waiting for room ends.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
    }
}
