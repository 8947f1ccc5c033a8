import ArgumentParser
import EventStore
import Foundation

/// `hadaf checkpoint`: a signed statement of the log's head, recorded and exported.
struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign a checkpoint of the log's head, record it in the log and export it.",
        discussion: """
            The checkpoint (position, head hash, time, signed with the platform key) is written \
            to --out, or printed. Keep it outside the server: `hadaf verify --against FILE` then \
            proves that the log up to it is unchanged, even against a rewrite that recomputed \
            every hash. --key signs with a key kept off the server (`hadaf keys --create FILE` \
            makes one; `hadaf keys --trust KEY` tells the platform its public half), so that \
            whoever can rewrite the log cannot sign a fresh checkpoint.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Write the checkpoint to this file.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Sign with the key in this file (default: the platform key beside the log).", valueName: "file"))
    var key: String?

    func run() async throws {
        let store = try database.openStore()
        let key = try self.key.map { file in try CommandFailure.reporting { () throws(EventStoreError) in try SigningKey(contentsOf: file) } } ?? database.signingKey()
        let checkpoint: LogCheckpoint
        do { checkpoint = try await store.checkpoint(signingWith: key) } catch { throw CommandFailure.exit(for: error) }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: checkpoint.json + Data("\n".utf8)) else {
                throw CommandFailure.exit(for: EventStoreError.storage("cannot write \(out)"))
            }
            print("Checkpoint of position \(checkpoint.position) (head \(checkpoint.headHash)) signed by key \(key.keyId), written to \(out).")
        } else {
            print(String(decoding: checkpoint.json, as: UTF8.self))
        }
    }
}
