import GRDB

/// One row of the idea and experience catalogue, as a participant's dashboard lists it.
public struct CatalogueEntry: Codable, Hashable, Sendable {
    public let submissionId: String
    /// `idea` or `experience`.
    public let kind: String
    public let title: String
    /// `draft`, `submitted`, `returned`, `accepted`, `rejected` or `withdrawn`.
    public let status: String
    public let university: String
    /// The log position of its latest change.
    public let updatedPosition: Int64

    /// The submissions `submitter` made, the latest changed first.
    public static func read(submitter: String, in model: ReadModel) throws(ProjectionError) -> [CatalogueEntry] {
        try model.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT submission_id, kind, title, status, university, updated_position FROM catalogue WHERE submitter = ? ORDER BY updated_position DESC",
                arguments: [submitter]
            ).map { row in
                CatalogueEntry(submissionId: row[0], kind: row[1], title: row[2], status: row[3], university: row[4], updatedPosition: row[5])
            }
        }
    }
}
