import Foundation

/// What a walk through the hash chain found.
public struct VerificationReport: Hashable, Sendable {
    /// How many events were read and checked.
    public let eventsChecked: Int64
    /// The last event that verified, or nil when none did (an empty log, or a failure at 1).
    public let verifiedHead: LogHead?
    /// The first place where the log is not what its chain says, or nil when it is intact.
    public let failure: VerificationFailure?

    /// True when every event verified.
    public var isIntact: Bool { failure == nil }
}

/// The first position at which the log fails verification, and how.
public struct VerificationFailure: Hashable, Sendable {
    /// How the log fails at ``position``.
    public enum Reason: String, Hashable, Sendable {
        /// The stored hash is not the hash of this event's bytes after the previous hash:
        /// the event was changed, or moved, or an earlier link was.
        case hashMismatch = "hash_mismatch"
        /// No event is stored at this position, though later ones are: a row was deleted.
        case missingEvent = "missing_event"
        /// The chain verifies up to here but hashes to another head than a signed checkpoint
        /// says: history before it was rewritten and every hash recomputed.
        case checkpointContradicted = "checkpoint_contradicted"
        /// A checkpoint recorded here does not bind: its signature does not verify, it is by an
        /// untrusted key, or it vouches for a position not before its own.
        case checkpointForged = "checkpoint_forged"
    }

    /// The first position that fails.
    public let position: Int64
    /// Why it fails.
    public let reason: Reason

    /// Where the contradicted checkpoint was recorded (nil for one brought from outside).
    public let checkpointRecordedAt: Int64?
    /// Why a recorded checkpoint does not bind.
    public let detail: String?

    public init(position: Int64, reason: Reason, checkpointRecordedAt: Int64? = nil, detail: String? = nil) {
        self.position = position
        self.reason = reason
        self.checkpointRecordedAt = checkpointRecordedAt
        self.detail = detail
    }

    /// One English sentence for people.
    public var explanation: String {
        switch reason {
        case .hashMismatch: "the event at position \(position) does not match its hash: it or the chain before it was altered"
        case .missingEvent: "the event at position \(position) is missing: it was deleted"
        case .checkpointContradicted:
            "the chain hashes at position \(position) to another head than the checkpoint \(checkpointRecordedAt.map { "recorded at position \($0)" } ?? "kept outside the log") signed: history up to it was rewritten"
        case .checkpointForged: "the checkpoint recorded at position \(position) does not bind: \(detail ?? "it cannot be checked")"
        }
    }
}
