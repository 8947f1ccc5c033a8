import EventStore
import Foundation
import GRDB
import HadafEvents

/// The regulations as people find them: each with its title, current version and review round
/// (deadline, audience, open or finalised), so that a dashboard lists the regulations under
/// review for a participant (``RegulationListing``).
public struct RegulationListingProjector: RowByRowProjector {
    public let name = "regulation_listing"
    public let version = 1
    public let tables = ["regulation_listing"]
    public let eventTypes: Set<String> = [RegulationPublished.eventType, ReviewRoundOpened.eventType, ReviewRoundFinalised.eventType]

    public init() {}

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("regulation_listing")) (
                regulation_id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, version INTEGER NOT NULL, round INTEGER,
                deadline INTEGER, audience_kinds TEXT NOT NULL DEFAULT '', audience_universities TEXT NOT NULL DEFAULT '', round_open INTEGER NOT NULL DEFAULT 0);
            """)
    }

    public func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        let table = names.table("regulation_listing")
        let regulation = String(event.stream.dropFirst("regulation-".count))
        switch event.type {
        case RegulationPublished.eventType:
            guard let published = try event.decode(as: RegulationPublished.self) else { return }
            try db.cachedStatement(sql: """
                INSERT INTO \(table) (regulation_id, title, version) VALUES (?, ?, ?)
                ON CONFLICT (regulation_id) DO UPDATE SET title = excluded.title, version = excluded.version
                """).execute(arguments: [regulation, published.title, published.version])
        case ReviewRoundOpened.eventType:
            guard let opened = try event.decode(as: ReviewRoundOpened.self) else { return }
            try db.cachedStatement(sql: """
                UPDATE \(table) SET round = ?, deadline = ?, audience_kinds = ?, audience_universities = ?, round_open = 1 WHERE regulation_id = ?
                """).execute(arguments: [
                    opened.round, ListingColumns.milliseconds(opened.deadline), ListingColumns.members(opened.audience.kinds),
                    ListingColumns.members(opened.audience.universities), regulation,
                ])
        case ReviewRoundFinalised.eventType:
            try db.cachedStatement(sql: "UPDATE \(table) SET round_open = 0 WHERE regulation_id = ?").execute(arguments: [regulation])
        default:
            break
        }
    }
}

/// A regulation under review, as a participant's dashboard lists it.
public struct RegulationListing: Codable, Hashable, Sendable {
    public let regulationId: String
    public let title: String
    public let version: Int
    public let deadline: Date

    /// The regulations whose open round takes contributions at `now` from a participant of
    /// `kind` at `university`, the nearest deadline first.
    public static func underReview(at now: Date, kind: String, university: String?, in model: ReadModel) throws(ProjectionError) -> [RegulationListing] {
        let milliseconds = ListingColumns.milliseconds(now)
        return try model.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT regulation_id, title, version, deadline FROM regulation_listing
                    WHERE round_open = 1 AND ? < deadline AND \(ListingColumns.audienceIncludes)
                    ORDER BY deadline, regulation_id
                    """,
                arguments: [milliseconds, kind, university ?? "\u{0}"]
            ).map { row in
                let deadline: Int64 = row[3]
                return RegulationListing(regulationId: row[0], title: row[1], version: row[2], deadline: Date(timeIntervalSince1970: Double(deadline) / 1000))
            }
        }
    }

    /// Whether `regulation`'s round takes contributions at `now` from such a participant.
    public static func isOpen(_ regulation: String, at now: Date, kind: String, university: String?, in model: ReadModel) throws(ProjectionError) -> Bool {
        try underReview(at: now, kind: kind, university: university, in: model).contains { $0.regulationId == regulation }
    }
}
