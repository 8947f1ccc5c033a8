import EventStore
import Foundation
import GRDB
import HadafEvents

/// The catalogue of ideas and experiences: one row per submission with its kind, title,
/// category, university, submitter, status and the near-duplicates flagged when it was
/// submitted, who competes with it in a festival (`student`, `faculty` or `student_group`, and
/// the ledger id of that entrant) and the academic year it was accepted in. Screeners list their university's queue from it; the
/// festival's proposals are drawn from it (``FestivalProposal``).
public struct CatalogueProjector: RowByRowProjector {
    public let name = "catalogue"
    public let version = 2
    public let tables = ["catalogue"]
    public let eventTypes: Set<String> = [
        SubmissionDrafted.eventType, SubmissionRevised.eventType, SubmissionSubmitted.eventType,
        SubmissionWithdrawn.eventType, SubmissionScreened.eventType,
    ]

    public init() {}

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
            );
            CREATE INDEX \(names.index("by_university_status", on: "catalogue")) ON \(names.table("catalogue")) (university, status);
            CREATE INDEX \(names.index("by_accepted_year", on: "catalogue")) ON \(names.table("catalogue")) (accepted_year, kind);
            """)
    }

    public func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        let table = names.table("catalogue")
        let id = String(event.stream.dropFirst("submission-".count))
        switch try SubmissionEvent(event) {
        case let .drafted(drafted)?:
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO \(table) (submission_id, kind, title, category, university, submitter, status,
                        entrant, entrant_id, possible_duplicates, drafted_position, updated_position)
                    VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, '[]', ?, ?)
                    """).execute(
                arguments: [id, Self.kind(drafted.content), drafted.content.title, Self.category(drafted.content),
                            drafted.university, drafted.submitter, try Self.entrant(drafted.authors, event), Self.entrantId(drafted.authors, submitter: drafted.submitter),
                            event.position, event.position])
        case let .revised(revised)?:
            try db.cachedStatement(
                sql: """
                    UPDATE \(table) SET kind = ?1, title = ?2, category = ?3,
                        entrant = CASE WHEN ?4 IS NOT NULL THEN 'student_group' WHEN entrant = 'student_group' THEN NULL ELSE entrant END,
                        entrant_id = CASE WHEN ?4 IS NOT NULL THEN ?4 WHEN entrant = 'student_group' THEN submitter ELSE entrant_id END,
                        updated_position = ?5
                    WHERE submission_id = ?6
                    """).execute(
                arguments: [Self.kind(revised.content), revised.content.title, Self.category(revised.content),
                            revised.authors.first { $0.kind == .studentGroup }.map { "group:\($0.id)" }, event.position, id])
        case let .submitted(submitted)?:
            try db.cachedStatement(
                sql: "UPDATE \(table) SET status = 'submitted', possible_duplicates = ?, updated_position = ? WHERE submission_id = ?").execute(
                arguments: [try Self.json(submitted.possibleDuplicates), event.position, id])
        case .withdrawn?:
            try setStatus("withdrawn", of: id, at: event.position, in: db, table: table)
        case let .screened(screened)?:
            let status = switch screened.decision {
            case .acceptedForEvaluation: "accepted"
            case .returnedForRevision: "returned"
            case .rejected: "rejected"
            }
            try setStatus(status, of: id, at: event.position, in: db, table: table)
            if screened.decision == .acceptedForEvaluation {
                let milliseconds = event.occurredAtMilliseconds ?? event.recordedAtMilliseconds
                let year = AcademicYear(containing: Date(timeIntervalSince1970: Double(milliseconds) / 1000)).startYear
                try db.cachedStatement(sql: "UPDATE \(table) SET accepted_year = ? WHERE submission_id = ?").execute(arguments: [year, id])
            }
        case nil:
            break
        }
    }

    private func setStatus(_ status: String, of id: String, at position: Int64, in db: Database, table: String) throws {
        try db.cachedStatement(sql: "UPDATE \(table) SET status = ?, updated_position = ? WHERE submission_id = ?").execute(arguments: [status, position, id])
    }

    private static func kind(_ content: SubmissionContent) -> String {
        if case .idea = content { return "idea" }
        return "experience"
    }

    /// Who competes with the submission in a festival: a group when a group is an author, else
    /// the submitter's kind as the draft's metadata records it; nil when that is not a
    /// participant's (an import by the platform), so that it is never proposed by guess.
    private static func entrant(_ authors: [SubmissionAuthor], _ event: RecordedEvent) throws -> String? {
        if authors.contains(where: { $0.kind == .studentGroup }) { return FestivalEntrantKind.studentGroup.rawValue }
        return switch try event.metadata().actorRole {
        case "student": FestivalEntrantKind.student.rawValue
        case "faculty": FestivalEntrantKind.faculty.rawValue
        case "student_group_representative": FestivalEntrantKind.studentGroup.rawValue
        default: nil
        }
    }

    /// The entrant's id in the ledger: `group:<id>` for a group's submission, else the submitter.
    private static func entrantId(_ authors: [SubmissionAuthor], submitter: String) -> String {
        authors.first { $0.kind == .studentGroup }.map { "group:\($0.id)" } ?? submitter
    }

    private static func category(_ content: SubmissionContent) -> String {
        switch content {
        case let .idea(idea): idea.category.rawValue
        case let .experience(experience): experience.category.rawValue
        }
    }

    private static func json(_ duplicates: [PossibleDuplicate]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(duplicates), as: UTF8.self)
    }
}
