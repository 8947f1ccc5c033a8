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
    }

    /// The first position that fails.
    public let position: Int64
    /// Why it fails.
    public let reason: Reason

    public init(position: Int64, reason: Reason) {
        self.position = position
        self.reason = reason
    }

    /// One English sentence for people.
    public var explanation: String {
        switch reason {
        case .hashMismatch: "the event at position \(position) does not match its hash: it or the chain before it was altered"
        case .missingEvent: "the event at position \(position) is missing: it was deleted"
        }
    }
}
