import HadafEvents
import HadafProjections

/// The audit of a university's year, as `hadaf audit` makes it, for its deputy officers and the
/// ministry: what was checked, and each finding with its award, rule and evidence positions.
struct AuditPage: Sendable {
    static let template = "audit"

    let account: PageAccount
    let university: String
    let universityName: String
    let yearText: String
    let eventsChecked: String
    let awardsChecked: String
    let awaitingApproval: String
    let revoked: String
    let budgetLines: String
    let festivals: String
    let findings: [Finding]
    let hasFindings: Bool

    struct Finding: Sendable {
        let title: String
        let rule: String
        let awardId: String?
        let explanation: String
        let positions: String
    }

    init(account: PageAccount, university: String, universityName: String, year: Int, report: AuditReport) {
        self.account = account
        self.university = university
        self.universityName = universityName
        yearText = AcademicYear(startYear: year).persianText
        eventsChecked = Digits.persian(report.eventsChecked)
        awardsChecked = Digits.persian(report.awardsChecked)
        awaitingApproval = Digits.persian(report.awaitingApproval)
        revoked = Digits.persian(report.revoked)
        budgetLines = Digits.persian(report.budgetLinesChecked)
        festivals = Digits.persian(report.festivalsChecked)
        findings = report.findings.map { finding in
            Finding(
                title: finding.rule.persianTitle, rule: finding.rule.rawValue, awardId: finding.awardId, explanation: finding.explanation,
                positions: finding.positions.map { Digits.persian($0) }.joined(separator: "، "))
        }
        hasFindings = !findings.isEmpty
    }
}
