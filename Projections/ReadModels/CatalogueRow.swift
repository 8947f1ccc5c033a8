import EventStore
import GRDB

/// One row of the catalogue, as its fold holds it between the events that change it.
struct CatalogueRow {
    var kind: String
    var title: String
    var category: String
    let university: String
    let submitter: String
    var status: String
    var entrant: String?
    var entrantId: String?
    var acceptedYear: Int?
    var possibleDuplicates: String
    let draftedPosition: Int64
    var updatedPosition: Int64

    /// The columns in the order ``read(_:from:in:)`` reads them and ``write(as:with:)`` binds
    /// them, after the submission's id.
    private static let columns = """
        kind, title, category, university, submitter, status, entrant, entrant_id, accepted_year, possible_duplicates, \
        drafted_position, updated_position
        """

    /// The stored row of a submission, or nil when the catalogue has none.
    static func read(_ id: String, from table: String, in db: Database) throws -> CatalogueRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM \(table) WHERE submission_id = ?"), arguments: [id]).map { row in
            CatalogueRow(
                kind: row[0], title: row[1], category: row[2], university: row[3], submitter: row[4], status: row[5], entrant: row[6],
                entrantId: row[7], acceptedYear: row[8], possibleDuplicates: row[9], draftedPosition: row[10], updatedPosition: row[11])
        }
    }

    /// The statement that ``write(as:with:)`` runs, replacing a stored row: made once per flush,
    /// not once per row.
    static func writer(into table: String, in db: Database) throws -> RawStatement {
        try RawStatement(db, sql: "INSERT OR REPLACE INTO \(table) (submission_id, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    }

    /// Writes the row of a submission with a statement from ``writer(into:in:)``.
    func write(as id: String, with insert: RawStatement) throws {
        insert.bind(id, at: 1)
        insert.bind(kind, at: 2)
        insert.bind(title, at: 3)
        insert.bind(category, at: 4)
        insert.bind(university, at: 5)
        insert.bind(submitter, at: 6)
        insert.bind(status, at: 7)
        insert.bind(entrant, at: 8)
        insert.bind(entrantId, at: 9)
        insert.bind(acceptedYear.map(Int64.init), at: 10)
        insert.bind(possibleDuplicates, at: 11)
        insert.bind(draftedPosition, at: 12)
        insert.bind(updatedPosition, at: 13)
        try insert.execute()
    }
}
