import EventStore
import GRDB

/// One row of the review digest's contributions, as its fold holds it between the events that
/// change it: a comment or proposal with its author, withdrawal, endorsements and answer.
struct DigestContribution {
    /// A contribution's key in its table.
    struct Key: Hashable, Comparable {
        let regulation: String
        let contribution: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.regulation, lhs.contribution) < (rhs.regulation, rhs.contribution)
        }
    }

    let round: Int
    let article: Int
    let kind: String
    let author: String
    var text: String
    var rationale: String?
    var withdrawn = false
    var endorsements = 0
    var verdict: String?
    var reason: String?
    /// The version of the regulation that carried the proposal in.
    var carriedIn: Int?
    let position: Int64

    init(round: Int, article: Int, kind: String, author: String, text: String, rationale: String?, position: Int64) {
        self.round = round
        self.article = article
        self.kind = kind
        self.author = author
        self.text = text
        self.rationale = rationale
        self.position = position
    }

    /// The columns in the order ``read(_:from:in:)`` reads them and ``write(as:with:)`` binds
    /// them, after the key's two.
    static let columns = "round, article, kind, author, text, rationale, withdrawn, endorsements, verdict, reason, carried_in, position"

    /// The stored row of a contribution, or nil when the digest has none.
    static func read(_ key: Key, from table: String, in db: Database) throws -> DigestContribution? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(columns) FROM \(table) WHERE regulation_id = ? AND contribution_id = ?"),
            arguments: [key.regulation, key.contribution]
        ).map { row in
            var stored = DigestContribution(
                round: row[0], article: row[1], kind: row[2], author: row[3], text: row[4], rationale: row[5], position: row[11])
            stored.withdrawn = row[6]
            stored.endorsements = row[7]
            stored.verdict = row[8]
            stored.reason = row[9]
            stored.carriedIn = row[10]
            return stored
        }
    }

    /// The statement that ``write(as:with:)`` runs, replacing a stored row.
    static func writer(into table: String, in db: Database) throws -> RawStatement {
        try RawStatement(db, sql: "INSERT OR REPLACE INTO \(table) (regulation_id, contribution_id, \(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    }

    /// Writes the row of `key` with a statement from ``writer(into:in:)``.
    func write(as key: Key, with statement: RawStatement) throws {
        statement.bind(key.regulation, at: 1)
        statement.bind(key.contribution, at: 2)
        statement.bind(Int64(round), at: 3)
        statement.bind(Int64(article), at: 4)
        statement.bind(kind, at: 5)
        statement.bind(author, at: 6)
        statement.bind(text, at: 7)
        statement.bind(rationale, at: 8)
        statement.bind(Int64(withdrawn ? 1 : 0), at: 9)
        statement.bind(Int64(endorsements), at: 10)
        statement.bind(verdict, at: 11)
        statement.bind(reason, at: 12)
        statement.bind(carriedIn.map(Int64.init), at: 13)
        statement.bind(position, at: 14)
        try statement.execute()
    }
}
