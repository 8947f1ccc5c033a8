import EventStore
import GRDB
import HadafEvents

/// The review digest's fold: each contribution's row is changed in memory by its events
/// (endorsements by the hundred for a debated proposal) and written once at the flush
/// (``HeldRows``), instead of one statement per event. A publication's articles are written as it
/// comes: regulations are published a few times a year.
final class RegulationDigestFold: ProjectionFold {
    let names: TableNames
    private var rows: HeldRows<DigestContribution.Key, DigestContribution>

    init(names: TableNames, startsEmpty: Bool, maximumHeldRows: Int) {
        self.names = names
        rows = HeldRows(startsEmpty: startsEmpty, maximum: maximumHeldRows)
    }

    func apply(_ event: RecordedEvent, in db: Database) throws {
        let regulation = String(event.stream.dropFirst("regulation-".count))
        func key(_ contribution: String) -> DigestContribution.Key {
            DigestContribution.Key(regulation: regulation, contribution: contribution)
        }
        switch try RegulationEvent(event) {
        case let .published(published)?:
            try write(published.articles, of: regulation, version: published.version, title: published.title, in: db)
            for proposal in published.carriedProposals {
                try change(key(proposal), in: db) { $0.carriedIn = published.version }
            }
        case let .contributed(contributed)?:
            let key = key(contributed.contributionId)
            var row = try rows.row(key, stored: { try stored($0, in: db) }) ?? DigestContribution(
                round: contributed.round, article: contributed.article, kind: contributed.kind.rawValue,
                author: contributed.author, text: contributed.text, rationale: contributed.rationale, position: event.position)
            // A revision changes the text; the rest stays as first contributed.
            row.text = contributed.text
            row.rationale = contributed.rationale
            rows.set(row, for: key)
        case let .withdrawn(withdrawn)?:
            try change(key(withdrawn.contributionId), in: db) { $0.withdrawn = true }
        case let .endorsed(endorsed)?:
            try change(key(endorsed.proposalId), in: db) { $0.endorsements += 1 }
        case let .answered(answered)?:
            try change(key(answered.proposalId), in: db) { row in
                row.verdict = answered.verdict.rawValue
                row.reason = answered.reason
            }
        default:
            break
        }
        if rows.isFull { try flush(in: db) }
    }

    /// Writes the changed rows in key order (``HeldRows/flush(_:)``).
    func flush(in db: Database) throws {
        let writer = try DigestContribution.writer(into: names.table("digest_contributions"), in: db)
        try rows.flush { key, row in try row.write(as: key, with: writer) }
    }

    /// Replaces the regulation's articles with those of its published version.
    private func write(_ articles: [RegulationArticle], of regulation: String, version: Int, title: String, in db: Database) throws {
        let table = names.table("digest_articles")
        try db.execute(sql: "DELETE FROM \(table) WHERE regulation_id = ?", arguments: [regulation])
        for article in articles {
            try db.execute(
                sql: "INSERT INTO \(table) (regulation_id, number, version, title, text, notes) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [regulation, article.number, version, title, article.text, article.notes.count])
        }
    }

    /// A contribution's stored row, read back for the rows the fold does not hold.
    private func stored(_ key: DigestContribution.Key, in db: Database) throws -> DigestContribution? {
        try DigestContribution.read(key, from: names.table("digest_contributions"), in: db)
    }

    /// Changes the row of a contribution the digest has and marks it to be written.
    private func change(_ key: DigestContribution.Key, in db: Database, _ body: (inout DigestContribution) -> Void) throws {
        try rows.change(key, stored: { try stored($0, in: db) }, body)
    }
}
