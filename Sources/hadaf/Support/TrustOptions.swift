import ArgumentParser
import EventStore

/// `--public-key`, which `verify` and `audit` share: the keys the log's checkpoints must be
/// signed by.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("public-key"), help: ArgumentHelp(
        "A public key that signs checkpoints (from `hadaf keys`); repeat for several. Default: the platform key and hadaf.trusted-keys beside the log.",
        valueName: "key"))
    var publicKeys: [String] = []

    /// The keys in force: those given, else the platform key's public half (when it is beside
    /// the log) with the keys in `hadaf.trusted-keys`.
    func trustedKeys(_ database: DatabaseOptions) throws -> Set<String> {
        try CommandFailure.reporting { () throws(EventStoreError) -> Set<String> in
            if !publicKeys.isEmpty {
                if let invalid = publicKeys.first(where: { !TrustedKeys.isPublicKey($0) }) { throw .publicKeyInvalid(invalid) }
                return Set(publicKeys)
            }
            var keys = try TrustedKeys.read(at: TrustedKeys.path(besideLog: database.path))
            if let platform = try? SigningKey(contentsOf: SigningKey.path(besideLog: database.path)) { keys.insert(platform.publicKey) }
            return keys
        }
    }
}
