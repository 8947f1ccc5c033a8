extension EventStore {
    /// Every event from `position` on (inclusive), then each new one as it is committed, for
    /// as long as the consuming task runs. Ends when the task is cancelled.
    ///
    /// The follower reads pages until it has caught up, then sleeps until the writer of this
    /// process commits past it. Events that another process appends to the same file are picked
    /// up within `idleCheck`.
    public func follow(from position: Int64 = 1, pageSize: Int = 1000, idleCheck: Duration = .seconds(1)) -> EventFollower {
        EventFollower(store: self, start: max(position, 1), pageSize: pageSize, idleCheck: idleCheck)
    }

    /// Waits until the log holds `position`, for read-your-writes after an append. Returns
    /// false when `timeout` passes first (or the task is cancelled).
    public func waitFor(position: Int64, timeout: Duration) async throws(EventStoreError) -> Bool {
        if notifier.head >= position { return true }
        if let head = try head(), head.position >= position {
            notifier.publish(head.position)
            return true
        }
        return await notifier.wait(for: position, timeout: timeout)
    }
}

/// The live sequence of events that ``EventStore/follow(from:pageSize:idleCheck:)`` returns.
public struct EventFollower: AsyncSequence, Sendable {
    public typealias Element = RecordedEvent

    let store: EventStore
    let start: Int64
    let pageSize: Int
    let idleCheck: Duration

    public func makeAsyncIterator() -> Iterator {
        Iterator(store: store, next: start, pageSize: pageSize, idleCheck: idleCheck)
    }

    /// Reads pages, then waits for commits; never yields a position twice or skips one.
    public struct Iterator: AsyncIteratorProtocol {
        let store: EventStore
        var next: Int64
        let pageSize: Int
        let idleCheck: Duration
        var page: [RecordedEvent] = []
        var index = 0

        public mutating func next() async throws(EventStoreError) -> RecordedEvent? {
            while !Task.isCancelled {
                if index < page.count {
                    let event = page[index]
                    index += 1
                    next = event.position + 1
                    return event
                }
                page = try store.read(from: next, limit: pageSize)
                index = 0
                if page.isEmpty {
                    _ = await store.notifier.wait(for: next, timeout: idleCheck)
                }
            }
            return nil
        }
    }
}
