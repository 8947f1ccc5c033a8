import ArgumentParser
import EventStore
import HadafProjections

/// `hadaf rebuild`: rebuilds read models from the start of the log.
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild read models from the start of the log.",
        discussion: """
            Builds into shadow tables beside the serving ones, then swaps them in with one \
            transaction: readers see the old model until the swap and the new one after it. \
            Prints the rebuilt projectors' status; two rebuilds of one log print the same hashes.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @Option(help: ArgumentHelp("Rebuild only this projection (default: all).", valueName: "name"))
    var projection: [String] = []

    @Flag(help: "Print the status as JSON.")
    var json = false

    func run() throws {
        let store = try database.openStore()
        let runner = try readModel.runner(for: store)
        let statuses = try CommandFailure.reporting { () throws(ProjectionError) in
            try runner.rebuild(projection.isEmpty ? nil : projection)
            return try runner.status()
        }
        try StatusReport.print(statuses, json: json)
        if statuses.contains(where: { $0.failure != nil }) { throw ExitCode(1) }
    }
}
