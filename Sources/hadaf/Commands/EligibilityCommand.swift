import ArgumentParser
import EventStore
import Foundation
import GRDB
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

    struct Entry: Encodable {
        let participant: String
        let incentive: String
        let points: Double
        let policyVersion: String
    }

    func run() throws {
        let store = try database.openStore()
        let model = try readModel.caughtUpModel(for: store)
        let entries = try CommandFailure.reporting { () throws(ProjectionError) in
            try model.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT e.participant_id, e.incentive, COALESCE(t.points, u.points, 0) AS points, e.policy_version FROM eligibility e
                    LEFT JOIN ledger_totals t ON t.participant_id = e.participant_id AND t.academic_year = e.academic_year
                    LEFT JOIN ledger_university_totals u ON 'university:' || u.university = e.participant_id AND u.academic_year = e.academic_year
                    WHERE e.university = ? AND e.academic_year = ? ORDER BY e.incentive, points DESC, e.participant_id
                    """, arguments: [scope.university, scope.year.startYear])
                    .map { Entry(participant: $0[0], incentive: $0[1], points: $0[2], policyVersion: $0[3]) }
            }
        }
        if json {
            try JSONOutput.print(entries)
            return
        }
        for entry in entries { print("\(entry.incentive)  \(entry.participant)  \(entry.points) points  policy \(entry.policyVersion)") }
        print("\(entries.count) incentive(s) reached at \(scope.university) in \(scope.year)")
    }
}
