import ArgumentParser
import EventStore
import HadafEvents
import HadafProjections

/// `hadaf university-summary`: a university's participation in a year.
struct UniversitySummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "university-summary",
        abstract: "Print a university's participation in an academic year: participants by kind and level, points, incentives reached.",
        discussion: "Brings the read models up to date first. Levels: 1 surveys, 2 reviewing regulations, 3 ideas and experiences.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @OptionGroup var scope: UniversityYearOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        let model = try readModel.caughtUpModel(for: try database.openStore())
        let summary = try CommandFailure.reporting { () throws(ProjectionError) in
            try UniversitySummary.read(university: scope.university, year: scope.year.startYear, in: model)
        }
        if json { return try JSONOutput.print(summary) }
        func list(_ counts: [String: Int]) -> String { counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
        print("\(scope.university) in \(scope.year): \(summary.points) points")
        print("participants by kind: \(list(summary.participantsByKind))")
        print("participants by level: \(list(summary.participantsByLevel))")
        print("incentives reached: \(summary.eligibleCounts.isEmpty ? "none" : list(summary.eligibleCounts))")
    }
}
