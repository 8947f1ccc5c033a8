import GRDB
import HadafEvents

/// The catalogue of ideas and experiences: one row per submission with its kind, title,
/// category, university, submitter, status and the near-duplicates flagged when it was
/// submitted, who competes with it in a festival (`student`, `faculty` or `student_group`, and
/// the ledger id of that entrant) and the academic year it was accepted in. Screeners list their university's queue from it; the
/// festival's proposals are drawn from it (``FestivalProposal``).
public struct CatalogueProjector: Projector {
    public let name = "catalogue"
    public let version = 3
    public let tables = ["catalogue"]
    public let eventTypes: Set<String> = [
        SubmissionDrafted.eventType, SubmissionRevised.eventType, SubmissionSubmitted.eventType,
        SubmissionWithdrawn.eventType, SubmissionScreened.eventType,
    ]

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("catalogue")) (
                submission_id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                category TEXT NOT NULL,
                university TEXT NOT NULL,
                submitter TEXT NOT NULL,
                status TEXT NOT NULL,
                entrant TEXT,
                entrant_id TEXT,
                accepted_year INTEGER,
                possible_duplicates TEXT NOT NULL,
                drafted_position INTEGER NOT NULL,
                updated_position INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX \(names.index("by_university_status", on: "catalogue")) ON \(names.table("catalogue")) (university, status);
            CREATE INDEX \(names.index("by_accepted_year", on: "catalogue")) ON \(names.table("catalogue")) (accepted_year, kind);
            """)
    }

    /// Rows held by the fold before it writes them all and forgets them.
    public let maximumHeldRows: Int

    /// The default bound on held rows: about 40 MB of titles and ids.
    public static let defaultMaximumHeldRows = 100_000

    public init(maximumHeldRows: Int = Self.defaultMaximumHeldRows) {
        self.maximumHeldRows = maximumHeldRows
    }

    public func makeFold(names: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        CatalogueFold(names: names, startsEmpty: startsEmpty, maximumHeldRows: maximumHeldRows)
    }
}
