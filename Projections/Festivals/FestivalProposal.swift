import GRDB
import HadafEvents

/// A submission the festival could admit to a category: accepted for evaluation in the
/// festival's academic year, of a kind and an entrant the category takes, and not an entry yet.
/// The officer confirms from these (and the deputies' nominations, which are among them).
public struct FestivalProposal: Codable, Hashable, Sendable {
    public let categoryId: String
    public let submissionId: String
    public let title: String
    public let university: String
    public let kind: String
    /// Whether a university deputy nominated it for this category.
    public let nominated: Bool

    /// The proposals for every category of the festival, category by category, oldest
    /// submission first. Read from the catalogue, so the read model must be caught up.
    public static func read(for inputs: FestivalInputs, in model: ReadModel) throws(ProjectionError) -> [FestivalProposal] {
        guard let festival = inputs.festival else { return [] }
        return try model.read { db in
            var proposals: [FestivalProposal] = []
            for category in festival.sections.flatMap(\.categories) {
                let kinds = category.submissionKinds.map(\.rawValue)
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT submission_id, title, university, kind FROM catalogue
                        WHERE status = 'accepted' AND accepted_year = ? AND entrant = ? AND kind IN (\(databaseQuestionMarks(count: kinds.count)))
                        ORDER BY drafted_position
                        """,
                    arguments: StatementArguments([festival.year, category.entrantKind.rawValue] as [any DatabaseValueConvertible] + kinds))
                for row in rows where inputs.entries[row[0]] == nil {
                    let id: String = row[0]
                    proposals.append(FestivalProposal(
                        categoryId: category.id, submissionId: id, title: row[1], university: row[2], kind: row[3],
                        nominated: inputs.nominations[id] == category.id))
                }
            }
            return proposals
        }
    }
}
