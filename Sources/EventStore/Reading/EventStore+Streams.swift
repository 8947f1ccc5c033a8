import GRDB

extension EventStore {
    /// The names of the streams that start with `prefix`, sorted: how a reader finds every
    /// stream of a kind (every `awards-` stream) without walking the whole log.
    public func streams(prefixed prefix: String) throws(EventStoreError) -> [String] {
        try mapErrors {
            try pool.readOneStatement { db in
                // A range on the stream index: `prefix` up to the prefix followed by the
                // highest character.
                try String.fetchAll(
                    db, sql: "SELECT DISTINCT stream_id FROM events WHERE stream_id >= ? AND stream_id < ? ORDER BY stream_id",
                    arguments: [prefix, prefix + "\u{10FFFF}"])
            }
        }
    }
}
