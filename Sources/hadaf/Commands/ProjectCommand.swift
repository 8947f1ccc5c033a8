import ArgumentParser
import Dispatch
import EventStore
import Foundation
import HadafProjections

/// `hadaf project`: folds the log into the read models.
struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Fold the log into the read models, live or as a batch.",
        discussion: """
            Without options, follows the log and applies each commit as it lands, until SIGINT or \
            SIGTERM. --until-caught-up stops once the read models reach the log's head. --status \
            prints each projector's position, lag behind the head, a hash of its content, and the \
            event it stopped at if it failed. Exits 1 when a projector has failed.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @Flag(help: "Stop once caught up with the log's head.")
    var untilCaughtUp = false

    @Flag(help: "Print the projectors' status (after catching up, with --until-caught-up).")
    var status = false

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() async throws {
        let store = try database.openStore()
        let runner = try readModel.runner(for: store)
        if untilCaughtUp {
            var lastReport = ContinuousClock.now
            _ = try CommandFailure.reporting { () throws(ProjectionError) in
                try runner.catchUp { position in
                    guard ContinuousClock.now - lastReport >= .milliseconds(500) else { return }
                    lastReport = ContinuousClock.now
                    StandardError.write("projected up to position \(position)\n")
                }
            }
        } else if !status {
            try await followUntilSignalled(runner)
        }
        let statuses = try CommandFailure.reporting { () throws(ProjectionError) in try runner.status(withContentHashes: status || json) }
        if status || json { try StatusReport.print(statuses, json: json) }
        if status && !json {
            // What the projectors skipped because they could not read it, so that a skip is seen.
            let skipped = try CommandFailure.reporting { () throws(ProjectionError) in try SkippedEvents.all(in: runner.model, limit: 50) }
            for entry in skipped { print("skipped by \(entry.projector): position \(entry.position) (\(entry.type)): \(entry.reason)") }
        }
        if statuses.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
    }

    /// Follows the log until SIGINT or SIGTERM, then returns after the current batch.
    private func followUntilSignalled(_ runner: ProjectionRunner) async throws {
        let follower = Task { try await runner.follow() }
        let sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber)
            source.setEventHandler { follower.cancel() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        do {
            try await follower.value
        } catch let error as ProjectionError {
            throw CommandFailure.exit(for: error)
        }
    }
}
