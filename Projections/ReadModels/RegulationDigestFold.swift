import EventStore
import GRDB
import HadafEvents

/// The review digest's fold: each contribution's row is changed in memory by its events
/// (endorsements by the hundred for a debated proposal) and written once at the flush, in key
/// order, instead of one statement per event. A publication's articles are written as it comes:
/// regulations are published a few times a year.
///
/// Rows stay held after a flush, so that later events need not read them back, until more than
/// ``maximumHeldRows`` are held: then they are written and forgotten, which bounds the memory on
/// logs of any size.
final class RegulationDigestFold: ProjectionFold {
    let names: TableNames
    let maximumHeldRows: Int
    private var rows: [DigestContribution.Key: DigestContribution] = [:]
    private var changed: Set<DigestContribution.Key> = []
    /// True while every row of the table is held (it started empty and nothing was forgotten).
    private var holdsEverything: Bool

    init(names: TableNames, startsEmpty: Bool, maximumHeldRows: Int) {
        self.names = names
        self.maximumHeldRows = maximumHeldRows
        holdsEverything = startsEmpty
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
            if var row = try held(key, in: db) {
                // A revision of the text: the rest stays as first contributed.
                row.text = contributed.text
                row.rationale = contributed.rationale
                rows[key] = row
            } else {
                rows[key] = DigestContribution(
                    round: contributed.round, article: contributed.article, kind: contributed.kind.rawValue,
                    author: contributed.author, text: contributed.text, rationale: contributed.rationale, position: event.position)
            }
            changed.insert(key)
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
        if rows.count > maximumHeldRows { try flush(in: db) }
    }

    /// Writes the changed rows in key order; forgets every row when more than
    /// ``maximumHeldRows`` are held.
    func flush(in db: Database) throws {
        let writer = try DigestContribution.writer(into: names.table("digest_contributions"), in: db)
        for key in changed.sorted() {
            try rows[key]!.write(as: key, with: writer)
        }
        changed = []
        if rows.count > maximumHeldRows {
            rows = [:]
            holdsEverything = false
        }
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

    /// The contribution's row, held or read back; nil when the digest has none.
    private func held(_ key: DigestContribution.Key, in db: Database) throws -> DigestContribution? {
        if let row = rows[key] { return row }
        return holdsEverything ? nil : try DigestContribution.read(key, from: names.table("digest_contributions"), in: db)
    }

    /// Changes the row of a contribution the digest has (an event for one it has not is ignored,
    /// as an update of no row would be) and marks it to be written.
    private func change(_ key: DigestContribution.Key, in db: Database, _ body: (inout DigestContribution) -> Void) throws {
        guard var row = try held(key, in: db) else { return }
        body(&row)
        rows[key] = row
        changed.insert(key)
    }
}
