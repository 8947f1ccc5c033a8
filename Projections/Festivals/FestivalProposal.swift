import GRDB
import HadafEvents

/// What the festival could admit to a category, for the officer to confirm: an accepted
/// submission of the festival's academic year, of a kind and an entrant the category takes; or,
/// for university deputies, a university nominated with its programme. Never one that is an
/// entry already, nor one whose entrant lacks the category's minimum of ledger points.
public struct FestivalProposal: Codable, Hashable, Sendable {
    public let categoryId: String
    /// The submission's id, or `university-<code>` for a university's programme.
    public let entryId: String
    public let title: String
    public let university: String
    /// `idea` or `experience`; `programme` for a university.
    public let kind: String
    /// Whether a university deputy officer nominated it for this category.
    public let nominated: Bool
    /// The entrant's ledger points in the festival's year.
    public let points: Double

    /// The proposals for every category of the festival, category by category, oldest
    /// submission first. Read from the catalogue and the ledger, so the read model must be
    /// caught up.
    public static func read(for inputs: FestivalInputs, in model: ReadModel) throws(ProjectionError) -> [FestivalProposal] {
        guard let festival = inputs.festival else { return [] }
        return try model.read { db in
            var proposals: [FestivalProposal] = []
            for category in festival.sections.flatMap(\.categories) {
                let candidates = category.entrantKind == .universityDeputy
                    ? try programmes(for: category, year: festival.year, inputs: inputs, in: db)
                    : try submissions(for: category, year: festival.year, inputs: inputs, in: db)
                proposals += candidates.filter { inputs.entries[$0.entryId] == nil && $0.points >= (category.minimumPoints ?? 0) }
            }
            return proposals
        }
    }

    private static func submissions(for category: FestivalCategory, year: Int, inputs: FestivalInputs, in db: Database) throws -> [FestivalProposal] {
        let kinds = category.submissionKinds.map(\.rawValue)
        let arguments: [any DatabaseValueConvertible] = [year, year, category.entrantKind.rawValue] + kinds
        return try Row.fetchAll(
            db,
            sql: """
                SELECT c.submission_id, c.title, c.university, c.kind, COALESCE(t.points, 0) FROM catalogue c
                LEFT JOIN ledger_totals t ON t.participant_id = c.entrant_id AND t.academic_year = ?
                WHERE c.status = 'accepted' AND c.accepted_year = ? AND c.entrant = ? AND c.kind IN (\(databaseQuestionMarks(count: kinds.count)))
                ORDER BY c.drafted_position
                """,
            arguments: StatementArguments(arguments)
        ).map { row in
            let id: String = row[0]
            return FestivalProposal(
                categoryId: category.id, entryId: id, title: row[1], university: row[2], kind: row[3],
                nominated: inputs.nominations[id]?.categoryId == category.id, points: row[4])
        }
    }

    private static func programmes(for category: FestivalCategory, year: Int, inputs: FestivalInputs, in db: Database) throws -> [FestivalProposal] {
        try inputs.nominations.values.filter { $0.categoryId == category.id }.sorted { $0.entryId < $1.entryId }.map { entry in
            let points = try Double.fetchOne(
                db, sql: "SELECT points FROM ledger_university_totals WHERE university = ? AND academic_year = ?", arguments: [entry.university, year]) ?? 0
            return FestivalProposal(
                categoryId: category.id, entryId: entry.entryId, title: entry.title, university: entry.university, kind: "programme", nominated: true, points: points)
        }
    }
}
