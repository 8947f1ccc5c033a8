import GRDB
import HadafEvents

/// One line of a participant's points as they are shown: the rule, the points (with whether a
/// cap cut them), the policy that scored it and the event that earned it.
public struct ScoreLine: Codable, Hashable, Sendable {
    public let academicYear: String
    public let rule: String
    public let points: Double
    public let capped: Bool
    public let policyVersion: String
    public let position: Int64

    /// The participant's lines that count or that a cap cut (retracted ones are left out), in
    /// year and position order; only `year`'s when given.
    public static func read(participant: String, year: Int?, in model: ReadModel) throws(ProjectionError) -> [ScoreLine] {
        try model.read { db in
            try Row.fetchAll(db, sql: """
                SELECT academic_year, rule_id, points, capped, policy_version, position FROM ledger_lines
                WHERE participant_id = ? AND (? IS NULL OR academic_year = ?) AND retracted = 0 AND (points > 0 OR capped = 1)
                ORDER BY academic_year, position, fact_key
                """, arguments: [participant, year, year])
                .map { ScoreLine(academicYear: AcademicYear(startYear: $0[0]).description, rule: $0[1], points: $0[2], capped: $0[3], policyVersion: $0[4], position: $0[5]) }
        }
    }

    /// The university the ledger knows the participant by, if registered.
    public static func university(of participant: String, in model: ReadModel) throws(ProjectionError) -> String? {
        try model.read { db in try String.fetchOne(db, sql: "SELECT university FROM ledger_participants WHERE participant_id = ?", arguments: [participant]) }
    }
}
