import ArgumentParser
import EventStore

/// `hadaf verify`: walks the hash chain.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole hash chain of the event log.",
        discussion: """
            Recomputes every event's hash from its stored bytes. Prints one line and exits 0 when \
            the log is intact; prints the first bad position and exits 1 when an event was changed, \
            deleted or moved.
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func run() throws {
        let store = try database.openStore()
        let report = try CommandFailure.reporting { () throws(EventStoreError) in
            try store.verify { checked in StandardError.write("verified \(checked) events…\n") }
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
}
