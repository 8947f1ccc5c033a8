import Foundation
import GRDB

extension EventStore {
    /// Walks the whole log in position order, recomputing every hash from the stored bytes,
    /// and reports the first position where the log is not what its chain says.
    ///
    /// It reads one consistent snapshot through a cursor, so memory stays flat whatever the
    /// log's length, and it stops at the first failure: everything before it is intact.
    /// A changed byte fails at its own row; a deleted row at the missing position; two
    /// swapped rows at the first of them (each event's bytes include its position).
    ///
    /// - Parameters:
    ///   - position: the last position to check (the head when nil).
    ///   - progress: called every `progressInterval` events with the count so far.
    public func verify(
        through position: Int64? = nil,
        progressInterval: Int64 = 1_000_000,
        progress: (Int64) -> Void = { _ in }
    ) throws(EventStoreError) -> VerificationReport {
        try mapErrors {
            try pool.read { db in
                let statement = try RawStatement(db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE position <= ? ORDER BY position")
                statement.bind(position ?? .max, at: 1)
                defer { statement.reset() }
                var hasher = ChainHasher()
                var previous = ChainHasher.genesis
                var computed: [UInt8] = []
                var checked: Int64 = 0
                func report(_ failure: VerificationFailure?) -> VerificationReport {
                    let head = checked > 0 ? LogHead(position: checked, hash: Data(previous)) : nil
                    return VerificationReport(eventsChecked: checked, verifiedHead: head, failure: failure)
                }
                while try statement.step() {
                    let position = statement.int64(at: 0)
                    guard position == checked + 1 else {
                        return report(VerificationFailure(position: checked + 1, reason: .missingEvent))
                    }
                    previous.withUnsafeBytes { previousBytes in
                        hasher.hash(
                            previous: previousBytes, position: position, id: statement.uuid(at: 1),
                            stream: statement.text(at: 2), streamVersion: statement.int64(at: 3),
                            type: statement.text(at: 4), schemaVersion: statement.int64(at: 5),
                            payload: statement.bytes(at: 6), metadata: statement.bytes(at: 7),
                            recordedAt: statement.int64(at: 8), into: &computed)
                    }
                    guard computed.elementsEqual(statement.bytes(at: 9)) else {
                        return report(VerificationFailure(position: position, reason: .hashMismatch))
                    }
                    checked += 1
                    swap(&previous, &computed)
                    if checked % progressInterval == 0 { progress(checked) }
                }
                return report(nil)
            }
        }
    }
}
