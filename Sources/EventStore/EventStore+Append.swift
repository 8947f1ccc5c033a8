extension EventStore {
    /// Appends events to one stream, atomically, and returns where they were recorded.
    ///
    /// - Throws: ``EventStoreError/versionConflict(stream:expected:actual:)`` when the stream is
    ///   not at `expectedVersion`; ``EventStoreError/idempotencyKeyReused(key:)`` when the events'
    ///   idempotency key was used for different content; ``EventStoreError/eventIdConflict(id:)``
    ///   when an id is stored but not as this append. Nothing of a refused append is written.
    ///
    /// An append whose event ids (or whose idempotency key, with the same content) are already
    /// stored is a retry: it writes nothing and returns the positions first recorded, with
    /// ``AppendResult/wasAlreadyStored`` set.
    ///
    /// `deferring` parks events in the same transaction, for ``appendDeferred(batch:)`` to append
    /// later (see ``DeferredEvent``).
    public func append(
        _ events: [NewEvent],
        to stream: String,
        expectedVersion: ExpectedVersion = .any,
        deferring deferred: [DeferredEvent] = []
    ) async throws(EventStoreError) -> AppendResult {
        let append = try StreamAppend(stream: stream, events: events, expectedVersion: expectedVersion, deferring: deferred)
        return try await writer.submit([append])[0].get()
    }

    /// Appends to several streams in one transaction, each append checked and refused on its
    /// own: the result at each index is that append's. Bulk imports use it to write thousands
    /// of events per commit.
    public func append(_ appends: [StreamAppend]) async -> [Result<AppendResult, EventStoreError>] {
        guard !appends.isEmpty else { return [] }
        return await writer.submit(appends)
    }
}
