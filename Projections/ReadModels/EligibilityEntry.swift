import GRDB

/// One incentive reached by one participant (or, as `university:<code>`, by the university's
/// deputy) in an academic year, with the total that reached it.
public struct EligibilityEntry: Codable, Hashable, Sendable {
    public let participant: String
    public let incentive: String
    public let points: Double
    public let policyVersion: String

    /// Who reached what at `university` in the year starting `year`: by incentive, then points.
    public static func read(university: String, year: Int, in model: ReadModel) throws(ProjectionError) -> [EligibilityEntry] {
        try model.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.participant_id, e.incentive, COALESCE(t.points, u.points, 0) AS points, e.policy_version FROM eligibility e
                LEFT JOIN ledger_totals t ON t.participant_id = e.participant_id AND t.academic_year = e.academic_year
                LEFT JOIN ledger_university_totals u ON 'university:' || u.university = e.participant_id AND u.academic_year = e.academic_year
                WHERE e.university = ? AND e.academic_year = ? ORDER BY e.incentive, points DESC, e.participant_id
                """, arguments: [university, year])
                .map { EligibilityEntry(participant: $0[0], incentive: $0[1], points: $0[2], policyVersion: $0[3]) }
        }
    }
}
