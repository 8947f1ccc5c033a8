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
            every hash.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Write the checkpoint to this file.", valueName: "file"))
    var out: String?

    func run() async throws {
        let store = try database.openStore()
        let key = try database.signingKey()
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
