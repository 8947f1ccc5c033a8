import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafProjections

/// `hadaf scores`: a participant's ledger lines with their evidence.
struct ScoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores",
        abstract: "Print a participant's points: each ledger line with the rule, policy and event that earned it.",
        discussion: "Brings the read models up to date first. A total is the sum of its lines and nothing else.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @Argument(help: ArgumentHelp("The participant id (p-…, or group:<id> for a student group).", valueName: "participant"))
    var participant: String

    @Option(help: ArgumentHelp("Only this academic year, e.g. 1404, 1404-1405 or ۱۴۰۴.", valueName: "year"))
    var year: AcademicYear?

    @Flag(help: "Print the lines as JSON.")
    var json = false

    func run() throws {
        let academicYear = year?.startYear
        let store = try database.openStore()
        let model = try readModel.caughtUpModel(for: store)
        let lines = try CommandFailure.reporting { () throws(ProjectionError) in
            try ScoreLine.read(participant: participant, year: academicYear, in: model)
        }
        if json {
            try JSONOutput.print(lines)
            return
        }
        for line in lines {
            let date = try store.read(from: line.position, limit: 1).first.map { JalaliDate($0.actedAt).persianText } ?? ""
            print("\(line.academicYear)  \(line.rule)  \(line.points) points\(line.capped ? " (capped)" : "")  policy \(line.policyVersion)  event #\(line.position)  \(date)")
        }
        let total = lines.reduce(0) { $0 + $1.points }
        print("total: \(total) points in \(lines.count) lines")
    }
}
