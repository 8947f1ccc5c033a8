import Crypto
import Foundation

/// The platform's Ed25519 key: it signs the log's checkpoints and the certificates. Created by
/// `hadaf init` beside the log (`hadaf.key` beside `hadaf.sqlite`), readable by its owner only;
/// its public half is printed by `hadaf keys` and served at `/.well-known/hadaf-public-key`.
public struct SigningKey: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    /// The first line of a key file: what it is, and the layout's version.
    static let header = "hadaf-ed25519-private-key/1"

    /// `hadaf.key` beside `hadaf.sqlite`: the key of a log.
    public static func path(besideLog logPath: String) -> String {
        URL(fileURLWithPath: logPath).deletingPathExtension().appendingPathExtension("key").path
    }

    /// A new random key (not saved).
    public init() {
        key = Curve25519.Signing.PrivateKey()
    }

    /// Reads the key at `path`.
    public init(contentsOf path: String) throws(EventStoreError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .signingKeyMissing(path: path) }
        let lines = text.split(whereSeparator: \.isNewline)
        guard lines.count == 2, lines[0] == Self.header, let raw = Data(base64Encoded: String(lines[1])),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw .signingKeyUnreadable(path: path) }
        self.key = key
    }

    /// The key at `path`, created there (owner-only) when no file exists. Returns whether it
    /// was created.
    @discardableResult
    public static func ensure(at path: String) throws(EventStoreError) -> Bool {
        guard !FileManager.default.fileExists(atPath: path) else {
            _ = try SigningKey(contentsOf: path)
            return false
        }
        let text = "\(header)\n\(SigningKey().key.rawRepresentation.base64EncodedString())\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw .storage("cannot write the signing key at \(path)")
        }
        return true
    }

    /// The public key, as 32 raw bytes in base64.
    public var publicKey: String { key.publicKey.rawRepresentation.base64EncodedString() }

    /// A short name of the public key: the first 16 hex digits of its SHA-256.
    public var keyId: String { Self.keyId(ofPublicKey: publicKey) }

    /// Signs `message`.
    public func sign(_ message: Data) -> Data {
        // Signing with a valid key only fails when the system's randomness does.
        (try? key.signature(for: message)) ?? Data()
    }

    /// Whether `signature` is `publicKey`'s signature of `message`.
    public static func isValid(_ signature: Data, of message: Data, by publicKey: String) -> Bool {
        guard let raw = Data(base64Encoded: publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    /// The short name of a base64 public key.
    public static func keyId(ofPublicKey publicKey: String) -> String {
        String(Data(SHA256.hash(data: Data(publicKey.utf8))).hexString.prefix(16))
    }
}
