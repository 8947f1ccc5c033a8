import GRDB
import HadafEvents

/// The review digest of each regulation: its current version's articles, and per article every
/// comment and proposal with its author, endorsements, withdrawal and answer. Its fold holds the
/// contributions' rows and writes them at the flush (``RegulationDigestFold``).
public struct RegulationDigestProjector: Projector {
    public let name = "regulation_digest"
    public let version = 2
    public let tables = ["digest_articles", "digest_contributions"]
    public let eventTypes: Set<String> = [
        RegulationPublished.eventType, ArticleContributed.eventType, ContributionWithdrawn.eventType,
        ProposalEndorsed.eventType, ProposalAnswered.eventType,
    ]

    /// Contributions held by the fold before it writes them all and forgets them.
    public let maximumHeldRows: Int

    /// The default bound on held contributions: about 100 MB of their texts.
    public static let defaultMaximumHeldRows = 200_000

    public init(maximumHeldRows: Int = Self.defaultMaximumHeldRows) {
        self.maximumHeldRows = maximumHeldRows
    }

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("digest_articles")) (
                regulation_id TEXT NOT NULL, number INTEGER NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
                notes INTEGER NOT NULL, PRIMARY KEY (regulation_id, number)) WITHOUT ROWID;
            CREATE TABLE \(names.table("digest_contributions")) (
                regulation_id TEXT NOT NULL, contribution_id TEXT NOT NULL, round INTEGER NOT NULL, article INTEGER NOT NULL,
                kind TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, rationale TEXT, withdrawn INTEGER NOT NULL,
                endorsements INTEGER NOT NULL, verdict TEXT, reason TEXT, carried_in INTEGER, position INTEGER NOT NULL,
                PRIMARY KEY (regulation_id, contribution_id)) WITHOUT ROWID;
            """)
    }

    public func makeFold(names: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        RegulationDigestFold(names: names, startsEmpty: startsEmpty, maximumHeldRows: maximumHeldRows)
    }
}
