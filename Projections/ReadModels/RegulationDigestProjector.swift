import EventStore
import Foundation
import GRDB
import HadafEvents

/// The review digest of each regulation: its current version's articles, and per article every
/// comment and proposal with its author, endorsements, withdrawal and answer.
public struct RegulationDigestProjector: RowByRowProjector {
    public let name = "regulation_digest"
    public let version = 1
    public let tables = ["digest_articles", "digest_contributions"]
    public let eventTypes: Set<String> = [
        RegulationPublished.eventType, ArticleContributed.eventType, ContributionWithdrawn.eventType,
        ProposalEndorsed.eventType, ProposalAnswered.eventType,
    ]

    public init() {}

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("digest_articles")) (
                regulation_id TEXT NOT NULL, number INTEGER NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
                notes INTEGER NOT NULL, PRIMARY KEY (regulation_id, number));
            CREATE TABLE \(names.table("digest_contributions")) (
                regulation_id TEXT NOT NULL, contribution_id TEXT NOT NULL, round INTEGER NOT NULL, article INTEGER NOT NULL,
                kind TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, rationale TEXT, withdrawn INTEGER NOT NULL,
                endorsements INTEGER NOT NULL, verdict TEXT, reason TEXT, carried_in INTEGER, position INTEGER NOT NULL,
                PRIMARY KEY (regulation_id, contribution_id));
            """)
    }

    public func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        let regulation = String(event.stream.dropFirst("regulation-".count))
        let contributions = names.table("digest_contributions")
        func run(_ sql: String, _ arguments: StatementArguments) throws { try db.cachedStatement(sql: sql).execute(arguments: arguments) }
        switch try RegulationEvent(event) {
        case let .published(published)?:
            try run("DELETE FROM \(names.table("digest_articles")) WHERE regulation_id = ?", [regulation])
            for article in published.articles {
                try run(
                    "INSERT INTO \(names.table("digest_articles")) (regulation_id, number, version, title, text, notes) VALUES (?, ?, ?, ?, ?, ?)",
                    [regulation, article.number, published.version, published.title, article.text, article.notes.count])
            }
            for proposal in published.carriedProposals {
                try run("UPDATE \(contributions) SET carried_in = ? WHERE regulation_id = ? AND contribution_id = ?", [published.version, regulation, proposal])
            }
        case let .contributed(contributed)?:
            try run(
                """
                INSERT INTO \(contributions) (regulation_id, contribution_id, round, article, kind, author, text, rationale, withdrawn, endorsements, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)
                ON CONFLICT (regulation_id, contribution_id) DO UPDATE SET text = excluded.text, rationale = excluded.rationale
                """,
                [regulation, contributed.contributionId, contributed.round, contributed.article, contributed.kind.rawValue,
                 contributed.author, contributed.text, contributed.rationale, event.position])
        case let .withdrawn(withdrawn)?:
            try run("UPDATE \(contributions) SET withdrawn = 1 WHERE regulation_id = ? AND contribution_id = ?", [regulation, withdrawn.contributionId])
        case let .endorsed(endorsed)?:
            try run("UPDATE \(contributions) SET endorsements = endorsements + 1 WHERE regulation_id = ? AND contribution_id = ?", [regulation, endorsed.proposalId])
        case let .answered(answered)?:
            try run(
                "UPDATE \(contributions) SET verdict = ?, reason = ? WHERE regulation_id = ? AND contribution_id = ?",
                [answered.verdict.rawValue, answered.reason, regulation, answered.proposalId])
        default:
            break
        }
    }
}
