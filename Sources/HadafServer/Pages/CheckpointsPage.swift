import EventStore
import Foundation
import HadafEvents

/// The published checkpoints in Persian: each one's position, head hash, day and key, and
/// whether the platform trusts that key, newest first, with how an auditor holds the log to
/// them. No one needs to sign in.
struct CheckpointsPage: Sendable {
    static let template = "checkpoints"

    struct Row: Sendable {
        let recordedAt: String
        let position: String
        let headHash: String
        let signedOn: String
        let keyId: String
        let trusted: Bool
    }

    let account: PageAccount?
    let rows: [Row]
    let hasRows: Bool
    let count: String

    init(account: PageAccount?, checkpoints: [(position: Int64, checkpoint: LogCheckpoint)], trustedKeys: Set<String>) {
        self.account = account
        rows = checkpoints.reversed().map { recorded in
            let checkpoint = recorded.checkpoint
            let signed = UTCTimestamp.parse(checkpoint.signedAt).map { Date(timeIntervalSince1970: Double($0) / 1000) }
            return Row(
                recordedAt: Digits.persian(String(recorded.position)), position: Digits.persian(String(checkpoint.position)), headHash: checkpoint.headHash,
                signedOn: signed.map(PersianDisplay.date) ?? checkpoint.signedAt, keyId: SigningKey.keyId(ofPublicKey: checkpoint.publicKey),
                trusted: checkpoint.fault(trusting: trustedKeys) == nil)
        }
        hasRows = !rows.isEmpty
        count = Digits.persian(String(rows.count))
    }
}
