import Foundation

/// A small signed statement that the log, up to a position, hashes to a head hash: what an
/// auditor keeps outside the server. Whoever rewrites history, even recomputing every hash
/// after the change, cannot make the log agree with a checkpoint signed before the rewrite.
///
/// The signature is the platform key's Ed25519 signature of ``statement``, a few lines of text
/// anyone can rebuild from the other fields.
public struct LogCheckpoint: Codable, Hashable, Sendable {
    /// The layout's name and version.
    public let format: String
    /// The position of the last event covered (0 for an empty log).
    public let position: Int64
    /// The chain hash at `position`, hex (64 zeros for an empty log).
    public let headHash: String
    /// When it was signed, ISO 8601 UTC.
    public let signedAt: String
    /// The signing public key, base64.
    public let publicKey: String
    /// The signature of ``statement``, base64.
    public let signature: String

    static let currentFormat = "hadaf-checkpoint/1"

    /// Signs a checkpoint of `head` (nil for an empty log) with `key`.
    public init(head: LogHead?, signedAtMilliseconds: Int64, key: SigningKey) {
        format = Self.currentFormat
        position = head?.position ?? 0
        headHash = head?.hashHex ?? String(repeating: "0", count: 64)
        signedAt = UTCTimestamp.format(milliseconds: signedAtMilliseconds)
        publicKey = key.publicKey
        signature = key.sign(Self.statement(format: format, position: position, headHash: headHash, signedAt: signedAt)).base64EncodedString()
    }

    /// The signed text.
    public var statement: Data { Self.statement(format: format, position: position, headHash: headHash, signedAt: signedAt) }

    /// Whether the signature is the checkpoint's own key's signature of its statement.
    public var isSignatureValid: Bool {
        guard let signature = Data(base64Encoded: signature) else { return false }
        return SigningKey.isValid(signature, of: statement, by: publicKey)
    }

    /// Why the checkpoint does not bind, or nil when it does: its signature must verify, by
    /// one of `trustedKeys` when any are named.
    public func fault(trusting trustedKeys: Set<String>) -> String? {
        if !isSignatureValid { return "its signature does not verify" }
        if !trustedKeys.isEmpty && !trustedKeys.contains(publicKey) {
            return "it is signed by key \(SigningKey.keyId(ofPublicKey: publicKey)), which is not trusted"
        }
        return nil
    }

    /// A checkpoint read from its JSON file.
    public static func read(_ json: Data) throws(EventStoreError) -> LogCheckpoint {
        do {
            let checkpoint = try JSONDecoder().decode(LogCheckpoint.self, from: json)
            guard checkpoint.format == currentFormat else { throw EventStoreError.checkpointUnreadable("its format is '\(checkpoint.format)', not '\(currentFormat)'") }
            return checkpoint
        } catch let error as EventStoreError {
            throw error
        } catch {
            throw .checkpointUnreadable("it is not a checkpoint's JSON")
        }
    }

    /// The checkpoints of a published file: a JSON array of checkpoints, as `GET
    /// /checkpoints.json` serves them, or one checkpoint as `hadaf checkpoint` writes it.
    public static func readAll(_ json: Data) throws(EventStoreError) -> [LogCheckpoint] {
        let first = json.first { !JSONObjectValidator.isWhitespace($0) }
        guard first == UInt8(ascii: "[") else { return [try read(json)] }
        guard let checkpoints = try? JSONDecoder().decode([LogCheckpoint].self, from: json) else {
            throw .checkpointUnreadable("it is not a list of checkpoints' JSON")
        }
        if let other = checkpoints.first(where: { $0.format != currentFormat }) {
            throw .checkpointUnreadable("a checkpoint's format is '\(other.format)', not '\(currentFormat)'")
        }
        return checkpoints
    }

    /// The checkpoint as the JSON file `hadaf checkpoint` writes: sorted keys, one object.
    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    private static func statement(format: String, position: Int64, headHash: String, signedAt: String) -> Data {
        Data("\(format)\nposition \(position)\nhead \(headHash)\nsigned-at \(signedAt)\n".utf8)
    }
}
