import ArgumentParser
import EventStore

/// `hadaf keys`: the platform's public key.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the platform's Ed25519 public key, which checks its checkpoints and certificates.",
        discussion: "Auditors keep it outside the server, with the checkpoints: `hadaf verify --against FILE --public-key KEY`.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print the key as one JSON object.")
    var json = false

    func run() throws {
        let key = try database.signingKey()
        if json {
            print(#"{"algorithm":"Ed25519","keyId":"\#(key.keyId)","publicKey":"\#(key.publicKey)"}"#)
        } else {
            print("Ed25519 public key \(key.publicKey) (key id \(key.keyId))")
        }
    }
}
