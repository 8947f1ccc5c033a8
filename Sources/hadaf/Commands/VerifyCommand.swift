import ArgumentParser
import EventStore
import Foundation

/// `hadaf verify`: walks the hash chain.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole hash chain of the event log, or the log against a signed checkpoint.",
        discussion: """
            Recomputes every event's hash from its stored bytes. Prints one line and exits 0 when \
            the log is intact; prints the first bad position and exits 1 when an event was changed, \
            deleted or moved, or where the chain contradicts a signed checkpoint recorded in the \
            log (a rewrite that recomputed every hash) or one is recorded that the trusted keys \
            did not sign. With --against, checks the log up to a checkpoint that `hadaf \
            checkpoint` exported, or against every checkpoint of a published list (GET \
            /checkpoints.json): their signatures, by a trusted key, then that the chain still \
            hashes to each one's head.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("A checkpoint file from `hadaf checkpoint`, or a published list of them.", valueName: "file"))
    var against: String?

    @OptionGroup var trust: TrustOptions

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func run() throws {
        let store = try database.openStore()
        let trusted = try trust.trustedKeys(database)
        var outside: [LogCheckpoint] = []
        if let against {
            let checkpoints = try Self.checkpoints(in: against)
            if checkpoints.count == 1 { return try verify(store, against: checkpoints[0], trusting: trusted) }
            for checkpoint in checkpoints {
                if let fault = checkpoint.fault(trusting: trusted) {
                    print("FORGED: the checkpoint of position \(checkpoint.position) in \(against) does not bind: \(fault)")
                    throw ExitCode(CommandFailure.Status.verificationFailed.rawValue)
                }
            }
            outside = checkpoints
        }
        let report = try CommandFailure.reporting { () throws(EventStoreError) in
            try store.verify(outside: outside, trustedKeys: trusted) { checked in StandardError.write("verified \(checked) events…\n") }
        }
        let headPosition = report.verifiedHead?.position ?? 0
        let headHash = report.verifiedHead?.hashHex ?? ""
        if json {
            var fields = [
                "\"intact\":\(report.isIntact)",
                "\"eventsChecked\":\(report.eventsChecked)",
                "\"headPosition\":\(headPosition)",
                "\"headHash\":\"\(headHash)\"",
            ]
            if let failure = report.failure {
                fields.append("\"firstBadPosition\":\(failure.position)")
                fields.append("\"reason\":\"\(failure.reason.rawValue)\"")
            }
            print("{" + fields.joined(separator: ",") + "}")
        } else if let failure = report.failure {
            print("ALTERED: first bad position \(failure.position): \(failure.explanation); \(report.eventsChecked) events before it verified.")
        } else {
            print("intact: \(report.eventsChecked) events checked; head position \(headPosition), hash \(headHash.isEmpty ? "none" : headHash)")
        }
        if !report.isIntact { throw ExitCode(CommandFailure.Status.verificationFailed.rawValue) }
    }

    /// The checkpoints in `file`: one, or a published list.
    private static func checkpoints(in file: String) throws -> [LogCheckpoint] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure.exit(for: EventStoreError.checkpointUnreadable("there is no file \(file)"))
        }
        return try CommandFailure.reporting { () throws(EventStoreError) in try LogCheckpoint.readAll(data) }
    }

    /// `--against FILE` with one checkpoint: the log up to it.
    private func verify(_ store: EventStore, against checkpoint: LogCheckpoint, trusting trusted: Set<String>) throws {
        let result = try CommandFailure.reporting { () throws(EventStoreError) in try store.verify(against: checkpoint, trusting: trusted) }
        if json {
            print(#"{"verdict":"\#(result.verdict.rawValue)","position":\#(checkpoint.position),"headHash":"\#(checkpoint.headHash)","signedAt":"\#(checkpoint.signedAt)"}"#)
        } else {
            let sentence = switch result.verdict {
            case .holds: "holds: the log up to position \(checkpoint.position) is what was signed at \(checkpoint.signedAt)"
            case .badSignature: "FORGED: the checkpoint's signature does not verify"
            case .untrustedKey: "UNTRUSTED: the checkpoint is signed by another key than the one trusted"
            case .chainBroken: "ALTERED: the chain before position \(checkpoint.position) does not verify (\(result.report?.failure?.explanation ?? "no detail"))"
            case .logShorter: "ALTERED: the log has \(result.report?.eventsChecked ?? 0) events, fewer than the \(checkpoint.position) signed"
            case .rewritten: "REWRITTEN: the chain verifies but no longer hashes to the signed head at position \(checkpoint.position)"
            }
            print(sentence)
        }
        if result.verdict != .holds { throw ExitCode(CommandFailure.Status.verificationFailed.rawValue) }
    }
}
