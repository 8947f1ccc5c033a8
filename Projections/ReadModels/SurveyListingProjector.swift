import EventStore
import Foundation
import GRDB
import HadafEvents

/// The surveys as people find them: one row per survey with its title, window, audience,
/// status and anonymity, so that a dashboard lists the surveys open to a participant
/// (``SurveyListing``) without reading every survey's stream.
public struct SurveyListingProjector: RowByRowProjector {
    public let name = "survey_listing"
    public let version = 1
    public let tables = ["survey_listing"]
    public let eventTypes: Set<String> = [SurveyDrafted.eventType, SurveyPublished.eventType, SurveyClosed.eventType]

    public init() {}

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("survey_listing")) (
                survey_id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
                opens_at INTEGER NOT NULL, closes_at INTEGER NOT NULL, audience_kinds TEXT NOT NULL, audience_universities TEXT NOT NULL,
                anonymous INTEGER NOT NULL, status TEXT NOT NULL);
            """)
    }

    public func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        let table = names.table("survey_listing")
        let survey = String(event.stream.dropFirst("survey-".count))
        switch event.type {
        case SurveyDrafted.eventType:
            guard let drafted = try event.decode(as: SurveyDrafted.self) else { return }
            let definition = drafted.definition
            try db.cachedStatement(sql: """
                INSERT INTO \(table) (survey_id, title, description, opens_at, closes_at, audience_kinds, audience_universities, anonymous, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft')
                ON CONFLICT (survey_id) DO UPDATE SET title = excluded.title, description = excluded.description, opens_at = excluded.opens_at,
                    closes_at = excluded.closes_at, audience_kinds = excluded.audience_kinds, audience_universities = excluded.audience_universities,
                    anonymous = excluded.anonymous
                """).execute(arguments: [
                    survey, definition.title, definition.description, ListingColumns.milliseconds(definition.opensAt),
                    ListingColumns.milliseconds(definition.closesAt), ListingColumns.members(definition.audience.kinds),
                    ListingColumns.members(definition.audience.universities), definition.isAnonymous,
                ])
        case SurveyPublished.eventType:
            try db.cachedStatement(sql: "UPDATE \(table) SET status = 'published' WHERE survey_id = ?").execute(arguments: [survey])
        case SurveyClosed.eventType:
            try db.cachedStatement(sql: "UPDATE \(table) SET status = 'closed' WHERE survey_id = ?").execute(arguments: [survey])
        default:
            break
        }
    }

}

/// A survey open to a participant now.
public struct SurveyListing: Codable, Hashable, Sendable {
    public let surveyId: String
    public let title: String
    public let description: String
    public let closesAt: Date
    public let anonymous: Bool
    /// Whether this participant has answered it (unknown, so false, for an anonymous survey).
    public let answered: Bool

    /// The published surveys whose window holds `now` and whose audience includes a participant
    /// of `kind` at `university`, closing soonest first.
    public static func open(at now: Date, for participant: String, kind: Actor.Role, university: String?, in model: ReadModel) throws(ProjectionError) -> [SurveyListing] {
        let milliseconds = ListingColumns.milliseconds(now)
        return try model.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l.survey_id, l.title, l.description, l.closes_at, l.anonymous,
                        EXISTS (SELECT 1 FROM survey_responses r WHERE r.survey_id = l.survey_id AND r.respondent = ?)
                    FROM survey_listing l
                    WHERE l.status = 'published' AND l.opens_at <= ? AND ? < l.closes_at AND \(ListingColumns.audienceIncludes)
                    ORDER BY l.closes_at, l.survey_id
                    """,
                arguments: [participant, milliseconds, milliseconds, kind.rawValue, university ?? "\u{0}"]
            ).map { row in
                let closes: Int64 = row[3]
                return SurveyListing(
                    surveyId: row[0], title: row[1], description: row[2], closesAt: Date(timeIntervalSince1970: Double(closes) / 1000),
                    anonymous: row[4], answered: row[5])
            }
        }
    }
}
