import GRDB
import HadafEvents

extension LedgerStanding {
    /// The holder's standing in the serving read model, as of the ledger's checkpoint.
    ///
    /// - Parameter holder: a participant id, `group:<id>`, `deputy:<code>`, or
    ///   `university:<code>` for the sum of a university's participants.
    public static func read(holder: String, year: Int, in model: ReadModel) throws(ProjectionError) -> LedgerStanding {
        try model.read { db in
            let position = try Int64.fetchOne(db, sql: "SELECT position FROM projector_checkpoints WHERE name = ?", arguments: [LedgerProjector().name]) ?? 0
            return try read(holder: holder, year: year, readAt: position, in: db)
        }
    }

    /// The holder's standing in ledger tables with their serving names: the live model's, or
    /// those the audit folds again from the log. The statements are cached: the audit asks this
    /// once per award, and parsing the SQL would cost more than running it.
    static func read(holder: String, year: Int, readAt: Int64, in db: Database) throws -> LedgerStanding {
        let policy = try Row.fetchOne(db.cachedStatement(sql: "SELECT content_hash, source FROM ledger_policies WHERE academic_year = ?"), arguments: [year])
            .map { try PolicyCache.shared.policy(hash: $0[0], source: $0[1]) }
        let points: Double
        let positions: [Int64]
        if holder.hasPrefix("university:") {
            points = try Double.fetchOne(
                db.cachedStatement(sql: "SELECT points FROM ledger_university_totals WHERE university = ? AND academic_year = ?"),
                arguments: [String(holder.dropFirst("university:".count)), year]) ?? 0
            positions = []
        } else {
            points = try Double.fetchOne(
                db.cachedStatement(sql: "SELECT points FROM ledger_totals WHERE participant_id = ? AND academic_year = ?"), arguments: [holder, year]) ?? 0
            positions = try Int64.fetchAll(
                db.cachedStatement(sql: """
                    SELECT DISTINCT position FROM ledger_lines WHERE participant_id = ? AND academic_year = ? AND retracted = 0 AND points > 0 ORDER BY position
                    """),
                arguments: [holder, year])
        }
        let reached = try String.fetchAll(
            db.cachedStatement(sql: "SELECT incentive FROM eligibility WHERE participant_id = ? AND academic_year = ? ORDER BY incentive"), arguments: [holder, year])
        return LedgerStanding(readAt: readAt, policy: policy, points: points, positions: positions, reached: reached)
    }
}
