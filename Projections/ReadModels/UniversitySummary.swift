import Foundation
import GRDB

/// A university's participation in an academic year, from the ledger's tables: participants by
/// kind and by level of participation (domain.md's three: surveys; reviewing regulations;
/// ideas and experiences), points, and how many reached each incentive.
public struct UniversitySummary: Codable, Hashable, Sendable {
    public let university: String
    public let academicYear: Int
    /// Registered participants by kind.
    public let participantsByKind: [String: Int]
    /// Participants who took part at each level that year (1, 2, 3).
    public let participantsByLevel: [String: Int]
    /// The sum of the university's participants' points.
    public let points: Double
    /// Incentive → how many of its participants reached it.
    public let eligibleCounts: [String: Int]

    /// The level of participation a ledger rule belongs to.
    static let levels: [(level: String, rules: [String])] = [
        ("1", ["survey.answered"]),
        ("2", ["regulation.comment", "regulation.amendment_proposed", "regulation.amendment_adopted", "regulation.amendment_partly_adopted", "endorsement.received"]),
        ("3", ["idea.submitted", "idea.accepted", "experience.accepted", "festival.winner"]),
    ]

    public static func read(university: String, year: Int, in model: ReadModel) throws(ProjectionError) -> UniversitySummary {
        try model.read { db in
            var byKind: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM ledger_participants WHERE university = ? GROUP BY kind", arguments: [university]) {
                byKind[row[0]] = row[1]
            }
            var byLevel: [String: Int] = [:]
            for (level, rules) in levels {
                byLevel[level] = try Int.fetchOne(db, sql: """
                    SELECT COUNT(DISTINCT f.participant_id) FROM ledger_lines f JOIN ledger_participants p ON p.participant_id = f.participant_id
                    WHERE p.university = ? AND f.academic_year = ? AND f.retracted = 0 AND f.rule_id IN (\(rules.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments([university, year] as [any DatabaseValueConvertible]) + StatementArguments(rules)) ?? 0
            }
            let points = try Double.fetchOne(db, sql: "SELECT points FROM ledger_university_totals WHERE university = ? AND academic_year = ?", arguments: [university, year]) ?? 0
            var eligible: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT incentive, COUNT(*) FROM eligibility WHERE university = ? AND academic_year = ? AND participant_id NOT LIKE 'university:%' GROUP BY incentive
                """, arguments: [university, year]) {
                eligible[row[0]] = row[1]
            }
            return UniversitySummary(university: university, academicYear: year, participantsByKind: byKind, participantsByLevel: byLevel, points: points, eligibleCounts: eligible)
        }
    }
}
