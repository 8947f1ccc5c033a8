import EventStore
import Foundation
import GRDB
import HadafEvents

/// The festivals as people find them: each with its year, title, closing time and stage, and who
/// sits on its juries, so that a dashboard lists the festivals and a juror's juries
/// (``FestivalListing``) without reading every festival's stream.
public struct FestivalListingProjector: RowByRowProjector {
    public let name = "festival_listing"
    public let version = 1
    public let tables = ["festival_listing", "festival_jurors"]
    public let eventTypes: Set<String> = [
        FestivalOpened.eventType, FestivalCallClosed.eventType, FestivalJurorAppointed.eventType, FestivalWinnersAnnounced.eventType,
    ]

    public init() {}

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("festival_listing")) (
                festival_id TEXT PRIMARY KEY NOT NULL, year INTEGER NOT NULL, title TEXT NOT NULL, closes_at INTEGER NOT NULL,
                stage TEXT NOT NULL, opened_position INTEGER NOT NULL);
            CREATE TABLE \(names.table("festival_jurors")) (
                festival_id TEXT NOT NULL, juror_id TEXT NOT NULL, section_id TEXT NOT NULL, PRIMARY KEY (juror_id, festival_id, section_id)) WITHOUT ROWID;
            """)
    }

    public func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        let festival = String(event.stream.dropFirst("festival-".count))
        let listing = names.table("festival_listing")
        func stage(_ stage: String) throws {
            try db.cachedStatement(sql: "UPDATE \(listing) SET stage = ? WHERE festival_id = ?").execute(arguments: [stage, festival])
        }
        switch event.type {
        case FestivalOpened.eventType:
            guard let opened = try event.decode(as: FestivalOpened.self) else { return }
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(listing) VALUES (?, ?, ?, ?, 'call_open', ?)").execute(
                arguments: [festival, opened.year, opened.title, ListingColumns.milliseconds(opened.closesAt), event.position])
        case FestivalCallClosed.eventType:
            try stage("judging")
        case FestivalWinnersAnnounced.eventType:
            try stage("announced")
        case FestivalJurorAppointed.eventType:
            guard let appointed = try event.decode(as: FestivalJurorAppointed.self) else { return }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(names.table("festival_jurors")) VALUES (?, ?, ?)").execute(
                arguments: [festival, appointed.jurorId, appointed.sectionId])
        default:
            break
        }
    }
}

/// A festival as a dashboard lists it.
public struct FestivalListing: Codable, Hashable, Sendable {
    public let festivalId: String
    public let year: Int
    public let title: String
    public let closesAt: Date
    /// `call_open`, `judging` (the call closed) or `announced`.
    public let stage: String

    /// Every festival, the latest opened first.
    public static func all(in model: ReadModel) throws(ProjectionError) -> [FestivalListing] {
        try fetch("SELECT festival_id, year, title, closes_at, stage FROM festival_listing ORDER BY opened_position DESC", [], in: model)
    }

    /// The festivals on whose juries `juror` sits, the latest opened first.
    public static func judged(by juror: String, in model: ReadModel) throws(ProjectionError) -> [FestivalListing] {
        try fetch("""
            SELECT festival_id, year, title, closes_at, stage FROM festival_listing
            WHERE festival_id IN (SELECT festival_id FROM festival_jurors WHERE juror_id = ?) ORDER BY opened_position DESC
            """, [juror], in: model)
    }

    private static func fetch(_ sql: String, _ arguments: StatementArguments, in model: ReadModel) throws(ProjectionError) -> [FestivalListing] {
        try model.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let closes: Int64 = row[3]
                return FestivalListing(festivalId: row[0], year: row[1], title: row[2], closesAt: Date(timeIntervalSince1970: Double(closes) / 1000), stage: row[4])
            }
        }
    }
}
