import ArgumentParser
import EventStore

/// `hadaf keys`: the platform's public key; a checkpoint key made off the server; the keys
/// trusted to sign checkpoints.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the platform's Ed25519 public key, make a checkpoint key, or trust one.",
        discussion: """
            Without options, prints the platform key's public half, which checks its certificates \
            and (unless another key signs them) its checkpoints. --create FILE makes a new key in \
            FILE (owner-only) to sign checkpoints off the server; --trust KEY records a public key \
            in hadaf.trusted-keys beside the log, so that `hadaf verify` and `hadaf audit` hold \
            the log's checkpoints to it. Auditors keep the keys they trust outside the server: \
            `hadaf verify --public-key KEY`.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Make a new signing key in this file and print its public half.", valueName: "file"))
    var create: String?

    @Option(help: ArgumentHelp("Trust this public key to sign the log's checkpoints.", valueName: "key"))
    var trust: String?

    @Flag(help: "Print the key as one JSON object.")
    var json = false

    func run() throws {
        if let trust {
            let path = TrustedKeys.path(besideLog: database.path)
            let added = try CommandFailure.reporting { () throws(EventStoreError) in try TrustedKeys.add(trust, at: path) }
            print(added ? "Trusted key \(SigningKey.keyId(ofPublicKey: trust)) to sign checkpoints, in \(path)." : "Key \(SigningKey.keyId(ofPublicKey: trust)) was trusted already.")
            return
        }
        let key: SigningKey
        if let create {
            key = try CommandFailure.reporting { () throws(EventStoreError) -> SigningKey in
                guard try SigningKey.ensure(at: create) else { throw .storage("\(create) exists already; a key is never overwritten") }
                return try SigningKey(contentsOf: create)
            }
        } else {
            key = try database.signingKey()
        }
        if json {
            print(#"{"algorithm":"Ed25519","keyId":"\#(key.keyId)","publicKey":"\#(key.publicKey)"}"#)
        } else {
            print("Ed25519 public key \(key.publicKey) (key id \(key.keyId))\(create.map { ", its private half in \($0)" } ?? "")")
        }
    }
}
