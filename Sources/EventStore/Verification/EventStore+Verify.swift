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
    /// The chain is also held to every signed checkpoint recorded in the log and to those in
    /// `outside` (an auditor's published copies): at each position a checkpoint vouches for,
    /// the recomputed hash must be the one it signed. A rewrite that recomputed every hash
    /// after the change fails there. A checkpoint recorded in the log whose signature does not
    /// verify, or is by a key outside `trustedKeys` (when any are named), fails at its own
    /// position: whoever rewrote the log cannot sign in the trusted key's name.
    ///
    /// - Parameters:
    ///   - position: the last position to check (the head when nil).
    ///   - outside: signed checkpoints kept outside the server; their signatures are the
    ///     caller's to check (``LogCheckpoint/fault(trusting:)``).
    ///   - trustedKeys: the public keys checkpoints must be signed by; any valid signature when
    ///     empty.
    ///   - progress: called every `progressInterval` events with the count so far.
    public func verify(
        through position: Int64? = nil,
        outside: [LogCheckpoint] = [],
        trustedKeys: Set<String> = [],
        progressInterval: Int64 = 1_000_000,
        progress: (Int64) -> Void = { _ in }
    ) throws(EventStoreError) -> VerificationReport {
        try mapErrors {
            try pool.read { db in
                let recorded = try RawStatement(db, sql: "SELECT \(RecordedEvent.columns) FROM events WHERE stream_id = ? AND position <= ? ORDER BY position")
                recorded.bind(Self.checkpointStream, at: 1)
                recorded.bind(position ?? .max, at: 2)
                let checkpoints = RecordedCheckpoints(recorded: try recorded.recordedEvents(capacity: 64), outside: outside, trusting: trustedKeys)
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
                    if let claim = checkpoints.contradiction(at: position, hash: computed) {
                        return report(VerificationFailure(position: position, reason: .checkpointContradicted, checkpointRecordedAt: claim.recordedAt))
                    }
                    if let fault = checkpoints.forged[position] {
                        return report(VerificationFailure(position: position, reason: .checkpointForged, detail: fault))
                    }
                    checked += 1
                    swap(&previous, &computed)
                    if checked % progressInterval == 0 { progress(checked) }
                }
                if checkpoints.furthestOutside > checked {
                    return report(VerificationFailure(position: checked + 1, reason: .missingEvent))
                }
                return report(nil)
            }
        }
    }
}
