import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafProjections

/// `hadaf explain AWARD`: the chain from an award back to the events that earned it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the chain from an award back to each participation event that earned it.",
        discussion: """
            Folds the ledger again from the log (not the read model) up to the award's basis and \
            prints, for each line that counted: the event and its position, when it happened \
            (Jalali), the rule, and the points; then what the audit finds on the award.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The award's id, e.g. ut-1404-3.", valueName: "award"))
    var awardId: String

    @Flag(help: "Print the explanation as one JSON object.")
    var json = false

    func run() throws {
        let store = try database.openStore()
        guard let explanation = try CommandFailure.reporting({ () throws(ProjectionError) in try AwardExplanation.explain(awardId, in: store) }) else {
            StandardError.write("hadaf: There is no award '\(awardId)'. [award.not_found]\n")
            throw ExitCode(CommandFailure.Status.noInput.rawValue)
        }
        if json { return try JSONOutput.print(explanation) }
        let award = explanation.award
        var status = award.awaitsSecondApproval && explanation.approvedBy == nil ? "awaiting a second officer" : "in force"
        if let approver = explanation.approvedBy { status += ", approved by \(approver)" }
        if let reason = explanation.revocationReason { status = "revoked: \(reason)" }
        print("\(award.awardId): \(award.kind.englishName) (\(award.kind.persianName)) for \(award.recipient) at \(award.university), \(AcademicYear(startYear: award.academicYear))")
        print("  issued by \(award.issuedBy) at position \(explanation.position); \(status)\(award.rials.map { "; \($0) rials from line \(award.budgetLine ?? "-")" } ?? "")")
        print("  basis: read at position \(award.basis.readAt) under policy \(award.policyVersion); \(award.basis.points) points stated, \(explanation.recomputedPoints) recomputed")
        for line in explanation.lines {
            let day = JalaliDate(Date(timeIntervalSince1970: Double(line.occurredAtMilliseconds) / 1000))
            print("  position \(line.position)  \(day.persianText)  \(line.eventType) (\(line.stream))  \(line.rule)  \(line.points) points\(line.capped ? " (capped)" : "")")
        }
        for finding in explanation.findings {
            print("  FINDING \(finding.rule.rawValue): \(finding.explanation)")
        }
        if explanation.findings.isEmpty { print("  the audit finds nothing on it") }
        if !explanation.findings.isEmpty { throw ExitCode(CommandFailure.Status.verificationFailed.rawValue) }
    }
}
