import Foundation

/// The signed checkpoints a verification holds the chain to: those recorded in the log itself
/// (stream ``EventStore/checkpointStream``) and any the auditor brings from outside (published
/// copies). Each names a position and the head hash there; the walk compares them as it passes.
///
/// A checkpoint binds only if nobody who can rewrite the log could have signed it: its
/// signature must verify, by one of the trusted keys when the auditor names any, and one
/// recorded in the log must vouch for an earlier position than its own.
struct RecordedCheckpoints {
    /// What one checkpoint says the chain hashes to at its position.
    struct Claim {
        let headHash: String
        /// Where it was recorded in the log, or nil for one brought from outside.
        let recordedAt: Int64?
    }

    /// The claims on each position.
    private(set) var claims: [Int64: [Claim]] = [:]
    /// Checkpoints recorded in the log that do not bind, by the position they were recorded at.
    private(set) var forged: [Int64: String] = [:]
    /// The highest position an outside checkpoint vouches for.
    private(set) var furthestOutside: Int64 = 0

    init(recorded: [RecordedEvent], outside: [LogCheckpoint], trusting trustedKeys: Set<String>) {
        for event in recorded where event.type == EventStore.checkpointEventType {
            guard let checkpoint = try? LogCheckpoint.read(event.payload) else {
                forged[event.position] = "it is not a signed checkpoint"
                continue
            }
            if let fault = checkpoint.fault(trusting: trustedKeys) {
                forged[event.position] = fault
            } else if checkpoint.position >= event.position {
                forged[event.position] = "it vouches for position \(checkpoint.position), not before its own"
            } else if checkpoint.position > 0 {
                claims[checkpoint.position, default: []].append(Claim(headHash: checkpoint.headHash, recordedAt: event.position))
            }
        }
        for checkpoint in outside where checkpoint.position > 0 {
            claims[checkpoint.position, default: []].append(Claim(headHash: checkpoint.headHash, recordedAt: nil))
            furthestOutside = max(furthestOutside, checkpoint.position)
        }
    }

    /// The first claim on `position` that the chain's hash there contradicts.
    func contradiction(at position: Int64, hash: [UInt8]) -> Claim? {
        guard let claims = claims[position] else { return nil }
        let hex = Data(hash).hexString
        return claims.first { $0.headHash != hex }
    }
}
