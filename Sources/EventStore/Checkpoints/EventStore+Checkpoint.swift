import Foundation

extension EventStore {
    /// The stream signed checkpoints are recorded in.
    public static let checkpointStream = "log-checkpoints"
    /// The type of a recorded checkpoint; its payload is the checkpoint itself.
    public static let checkpointEventType = "log.checkpointed"

    /// Signs a checkpoint of the log's head and records it in the log (``checkpointStream``),
    /// so that the log itself keeps the trail of what was vouched for and when.
    public func checkpoint(signingWith key: SigningKey, at date: Date = Date()) async throws(EventStoreError) -> LogCheckpoint {
        let checkpoint = LogCheckpoint(head: try head(), signedAtMilliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)), key: key)
        let event = try NewEvent(type: Self.checkpointEventType, payload: checkpoint.json)
        _ = try await append([event], to: Self.checkpointStream)
        return checkpoint
    }

    /// The checkpoints recorded in the log, oldest first, each with where it was recorded: what
    /// the platform publishes for auditors to copy. One indexed read of a stream that grows by
    /// one event a checkpoint. Recorded events that are not checkpoints are left out.
    public func recordedCheckpoints() throws(EventStoreError) -> [(position: Int64, checkpoint: LogCheckpoint)] {
        try readStream(Self.checkpointStream).compactMap { event in
            guard event.type == Self.checkpointEventType, let checkpoint = try? LogCheckpoint.read(event.payload) else { return nil }
            return (event.position, checkpoint)
        }
    }

    /// Whether the log still is what `checkpoint` vouched for: its signature is valid (by one of
    /// `trustedKeys` when any are named: the keys the auditor trusts), the log reaches its
    /// position, and the chain, recomputed from the stored bytes, hashes to its head hash there.
    public func verify(against checkpoint: LogCheckpoint, trusting trustedKeys: Set<String> = []) throws(EventStoreError) -> CheckpointVerification {
        if !trustedKeys.isEmpty, !trustedKeys.contains(checkpoint.publicKey) { return CheckpointVerification(verdict: .untrustedKey, report: nil) }
        guard checkpoint.isSignatureValid else { return CheckpointVerification(verdict: .badSignature, report: nil) }
        let report = try verify(through: checkpoint.position)
        let verdict: CheckpointVerification.Verdict
        if report.failure != nil {
            verdict = .chainBroken
        } else if report.eventsChecked < checkpoint.position {
            verdict = .logShorter
        } else if (report.verifiedHead?.hashHex ?? String(repeating: "0", count: 64)) != checkpoint.headHash {
            verdict = .rewritten
        } else {
            verdict = .holds
        }
        return CheckpointVerification(verdict: verdict, report: report)
    }
}

/// What comparing the log with a signed checkpoint found.
public struct CheckpointVerification: Hashable, Sendable {
    public enum Verdict: String, Hashable, Sendable, Codable {
        /// The log up to the checkpoint is unchanged.
        case holds
        /// The checkpoint's signature does not verify: the file was altered or forged.
        case badSignature = "bad_signature"
        /// The checkpoint is signed by another key than the one trusted.
        case untrustedKey = "untrusted_key"
        /// The chain before the checkpoint does not verify against the stored bytes.
        case chainBroken = "chain_broken"
        /// The log has fewer events than the checkpoint covers: events were removed.
        case logShorter = "log_shorter"
        /// The chain verifies but hashes to another head: history was rewritten and rehashed.
        case rewritten
    }

    public let verdict: Verdict
    /// The walk of the chain up to the checkpoint, when the signature allowed one.
    public let report: VerificationReport?
}
