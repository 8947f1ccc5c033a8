import Foundation

/// The public keys a log's checkpoints must be signed by, kept in `hadaf.trusted-keys` beside
/// the log (one base64 Ed25519 public key a line; `#` starts a comment).
///
/// The key that signs checkpoints need not live on the server: an officer keeps it elsewhere,
/// signs with `hadaf checkpoint --key FILE`, and the server holds only its public half here.
/// Whoever can rewrite the log can rewrite this file too, so an auditor names the keys they
/// trust themselves (`--public-key`); the file is what the platform itself checks against.
public enum TrustedKeys {
    /// `hadaf.trusted-keys` beside `hadaf.sqlite`.
    public static func path(besideLog logPath: String) -> String {
        URL(fileURLWithPath: logPath).deletingPathExtension().appendingPathExtension("trusted-keys").path
    }

    /// The keys listed at `path`; none when there is no file.
    public static func read(at path: String) throws(EventStoreError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .storage("cannot read \(path)") }
        var keys: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            let key = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else { continue }
            guard isPublicKey(key) else { throw .publicKeyInvalid(key) }
            keys.insert(key)
        }
        return keys
    }

    /// Adds `key` to the file at `path`, creating it. Returns false when it was there already.
    @discardableResult
    public static func add(_ key: String, at path: String) throws(EventStoreError) -> Bool {
        guard isPublicKey(key) else { throw .publicKeyInvalid(key) }
        var keys = try read(at: path)
        guard keys.insert(key).inserted else { return false }
        let text = "# Public keys that sign this log's checkpoints (hadaf keys --trust).\n" + keys.sorted().map { $0 + "\n" }.joined()
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o644]) else {
            throw .storage("cannot write \(path)")
        }
        return true
    }

    /// Whether `key` is 32 bytes of base64: an Ed25519 public key.
    public static func isPublicKey(_ key: String) -> Bool {
        Data(base64Encoded: key)?.count == 32
    }
}
