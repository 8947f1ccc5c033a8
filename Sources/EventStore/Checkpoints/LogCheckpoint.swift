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
