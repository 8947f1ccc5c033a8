import GRDB

extension EventStore {
    /// What the append carrying this idempotency key recorded, or nil when the key is unused.
    ///
    /// A command handler asks before deciding: a retried command must get its first result back,
    /// not be decided again against a state that already holds its own events.
    public func result(forIdempotencyKey key: String) throws(EventStoreError) -> AppendResult? {
        try mapErrors {
            try pool.readOneStatement { db in
                try Row.fetchOne(db, sql: """
                    SELECT stream_id, first_position, last_position, last_stream_version
                    FROM idempotency_keys WHERE key = ?
                    """, arguments: [key])
                    .map { AppendResult(stream: $0[0], firstPosition: $0[1], lastPosition: $0[2], lastStreamVersion: $0[3], wasAlreadyStored: true) }
            }
        }
    }
}
