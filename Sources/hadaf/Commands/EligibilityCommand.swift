import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafProjections

/// `hadaf eligibility`: who reached which incentive, at a university, in a year.
struct EligibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligibility",
        abstract: "List the participants of a university who reached each incentive in an academic year.",
        discussion: "Brings the read models up to date first. `hadaf scores PARTICIPANT` shows the lines behind each total.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @OptionGroup var scope: UniversityYearOptions

    @Flag(help: "Print the list as JSON.")
    var json = false

    func run() throws {
        let store = try database.openStore()
        let model = try readModel.caughtUpModel(for: store)
        let entries = try CommandFailure.reporting { () throws(ProjectionError) in
            try EligibilityEntry.read(university: scope.university, year: scope.year.startYear, in: model)
        }
        if json {
            try JSONOutput.print(entries)
            return
        }
        for entry in entries { print("\(entry.incentive)  \(entry.participant)  \(entry.points) points  policy \(entry.policyVersion)") }
        print("\(entries.count) incentive(s) reached at \(scope.university) in \(scope.year)")
    }
}
