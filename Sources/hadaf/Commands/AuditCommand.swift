import ArgumentParser
import EventStore
import HadafEvents
import HadafProjections

/// `hadaf audit`: every award in scope checked against the log alone.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit the awards: re-derive each from the log and report every rule broken.",
        discussion: """
            Checks the hash chain and holds it to every signed checkpoint recorded in the log; folds the ledger again from the log (never the read model) to \
            each award's basis and checks that the recipient had reached it, under the policy it \
            names, with the lines it names; checks festival prizes against their announcement; \
            finds double awards, overspent or unallocated budget lines, amounts above the \
            one-officer limit without a second officer, and announced festival lists that do not \
            select again. Prints what was checked and each finding (the award, the rule, the \
            evidence positions). Exits 1 when there is a finding.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Only this university's awards (its code, e.g. ut).", valueName: "id"))
    var university: String?

    @Option(help: ArgumentHelp("Only this academic year's awards and festivals, e.g. 1404.", valueName: "year"))
    var year: AcademicYear?

    @OptionGroup var trust: TrustOptions

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    func run() throws {
        let store = try database.openStore()
        let scope = AuditScope(university: university, year: year?.startYear)
        let trusted = try trust.trustedKeys(database)
        let report = try CommandFailure.reporting { () throws(ProjectionError) in
            try AwardAudit.run(scope, on: store, trustingCheckpointsOf: trusted) { checked in StandardError.write("verified \(checked) events…\n") }
        }
        if json {
            try JSONOutput.print(report)
        } else {
            print("""
                checked: \(report.eventsChecked) events in the hash chain; \(report.awardsChecked) award(s) \
                (\(report.awaitingApproval) awaiting a second officer, \(report.revoked) revoked); \(report.budgetLinesChecked) budget line(s); \
                \(report.festivalsChecked) announced festival list(s)
                """)
            for finding in report.findings {
                let positions = finding.positions.map(String.init).joined(separator: ", ")
                print("FINDING \(finding.rule.rawValue)\(finding.awardId.map { " \($0)" } ?? ""): \(finding.explanation) [positions \(positions)]")
            }
            print(report.isClean ? "no finding" : "\(report.findings.count) finding(s)")
        }
        if !report.isClean { throw ExitCode(CommandFailure.Status.verificationFailed.rawValue) }
    }
}
