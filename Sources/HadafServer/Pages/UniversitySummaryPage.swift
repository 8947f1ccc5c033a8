import HadafEvents
import HadafProjections
import Participation

/// A university's participation in a year, for its deputy officers and the ministry: how many
/// of its people take part at each of domain.md's three levels, its points, and how many reached
/// each incentive, with the way to the awards office and the eligible people.
struct UniversitySummaryPage: Sendable {
    static let template = "university-summary"

    let account: PageAccount
    let university: String
    let universityName: String
    let year: Int
    let yearText: String
    let points: String
    let kinds: [Figure]
    let levels: [Figure]
    let incentives: [Figure]
    let hasIncentives: Bool
    let eligible: [Person]
    let hasEligible: Bool

    struct Figure: Sendable {
        let label: String
        let count: String
    }

    struct Person: Sendable {
        let name: String
        let incentiveName: String
        let points: String
    }

    init(account: PageAccount, universityName: String, summary: UniversitySummary, eligible: [EligibilityEntry], name: (String) throws -> String) rethrows {
        self.account = account
        university = summary.university
        self.universityName = universityName
        year = summary.academicYear
        yearText = AcademicYear(startYear: summary.academicYear).persianText
        points = PersianDisplay.number(summary.points)
        kinds = summary.participantsByKind.sorted { $0.key < $1.key }.map {
            Figure(label: Actor.Role(rawValue: $0.key)?.persianName ?? $0.key, count: Digits.persian($0.value))
        }
        let levelNames = ["1": "نگرش و سنجش (نظرسنجی)", "2": "بازبینی و بازاندیشی (آیین‌نامه‌ها)", "3": "ایده‌پردازی و تجربه‌نگاری"]
        levels = ["1", "2", "3"].map { Figure(label: levelNames[$0]!, count: Digits.persian(summary.participantsByLevel[$0] ?? 0)) }
        incentives = summary.eligibleCounts.sorted { $0.key < $1.key }.map { Figure(label: AwardKind(rawValue: $0.key)?.persianName ?? $0.key, count: Digits.persian($0.value)) }
        hasIncentives = !incentives.isEmpty
        self.eligible = try eligible.map { entry in
            Person(name: try name(entry.participant), incentiveName: AwardKind(rawValue: entry.incentive)?.persianName ?? entry.incentive, points: PersianDisplay.number(entry.points))
        }
        hasEligible = !self.eligible.isEmpty
    }
}
