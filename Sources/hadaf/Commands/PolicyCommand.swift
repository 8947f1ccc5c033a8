import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import Participation

/// `hadaf policy`: incentive policies.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Incentive policies (docs/incentives.md).",
        subcommands: [Adopt.self])

    /// `hadaf policy adopt FILE`.
    struct Adopt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Adopt an incentive policy file for the academic year it names.",
            discussion: """
                Records the file's exact text and SHA-256 in a policy.adopted event; the ledger scores \
                that academic year's participation by it (and rescores the year when a new version is \
                adopted). Adopting the same text again changes nothing. Projections/policies/ holds the \
                shipped defaults.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The policy's JSON file.", valueName: "file"))
        var file: String

        @Option(help: ArgumentHelp("The ministry officer adopting it.", valueName: "id"))
        var actor = "ministry-office"

        func run() async throws {
            guard let source = FileManager.default.contents(atPath: file) else {
                StandardError.write("hadaf: The file '\(file)' cannot be opened for reading. [import.unreadable_input]\n")
                throw ExitCode(CommandFailure.Status.noInput.rawValue)
            }
            let store = try database.openStore()
            do {
                let outcome = try await IncentivePolicies(store: store).adopt(source, by: Actor(id: actor, role: .ministryOfficer))
                print(outcome.result.map { "adopted at position \($0.lastPosition)" } ?? "already adopted: nothing changed")
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
    }
}
