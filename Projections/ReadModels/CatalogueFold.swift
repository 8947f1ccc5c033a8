import EventStore
import Foundation
import GRDB
import HadafEvents

/// The catalogue's fold: each submission's row is changed in memory by its events and written
/// once at the flush (``HeldRows``): a draft, its submission and its screening usually fall in one
/// page, and in a rebuild in one run.
final class CatalogueFold: ProjectionFold {
    let table: String
    private var rows: HeldRows<String, CatalogueRow>

    init(names: TableNames, startsEmpty: Bool, maximumHeldRows: Int) {
        table = names.table("catalogue")
        rows = HeldRows(startsEmpty: startsEmpty, maximum: maximumHeldRows)
    }

    func apply(_ event: RecordedEvent, in db: Database) throws {
        let id = String(event.stream.dropFirst("submission-".count))
        if let heading = try SubmissionHeading.of(event) {
            try apply(heading, of: id, event, in: db)
        } else {
            try apply(SubmissionEvent(event), of: id, event, in: db)
        }
        if rows.isFull { try flush(in: db) }
    }

    /// A draft makes the submission's row; a revision changes its kind, title, category and
    /// entrant.
    private func apply(_ heading: SubmissionHeading, of id: String, _ event: RecordedEvent, in db: Database) throws {
        let kind = heading.isIdea ? "idea" : "experience"
        if let submitter = heading.submitter, let university = heading.university {
            rows.set(CatalogueRow(
                kind: kind, title: heading.title, category: heading.category.rawValue,
                university: university, submitter: submitter, status: "draft", entrant: try Self.entrant(heading.authors, event),
                entrantId: Self.entrantId(heading.authors, submitter: submitter), acceptedYear: nil, possibleDuplicates: "[]",
                draftedPosition: event.position, updatedPosition: event.position), for: id)
            return
        }
        try change(id, at: event.position, in: db) { row in
            row.kind = kind
            row.title = heading.title
            row.category = heading.category.rawValue
            if let group = heading.authors.first(where: { $0.kind == .studentGroup }) {
                row.entrant = FestivalEntrantKind.studentGroup.rawValue
                row.entrantId = "group:\(group.id)"
            } else if row.entrant == FestivalEntrantKind.studentGroup.rawValue {
                // The group left the authors: the submitter competes, as which is not known.
                row.entrant = nil
                row.entrantId = row.submitter
            }
        }
    }

    /// A submission's later steps change its status.
    private func apply(_ step: SubmissionEvent?, of id: String, _ event: RecordedEvent, in db: Database) throws {
        switch step {
        case let .submitted(submitted)?:
            let duplicates = try Self.json(submitted.possibleDuplicates)
            try change(id, at: event.position, in: db) { row in
                row.status = "submitted"
                row.possibleDuplicates = duplicates
            }
        case .withdrawn?:
            try change(id, at: event.position, in: db) { $0.status = "withdrawn" }
        case let .screened(screened)?:
            let milliseconds = event.actedAtMilliseconds
            try change(id, at: event.position, in: db) { row in
                switch screened.decision {
                case .acceptedForEvaluation:
                    row.status = "accepted"
                    row.acceptedYear = AcademicYear(containing: Date(timeIntervalSince1970: Double(milliseconds) / 1000)).startYear
                case .returnedForRevision: row.status = "returned"
                case .rejected: row.status = "rejected"
                }
            }
        case .drafted?, .revised?, nil:
            break
        }
    }

    /// Writes the changed rows in key order (``HeldRows/flush(_:)``).
    func flush(in db: Database) throws {
        let writer = try CatalogueRow.writer(into: table, in: db)
        try rows.flush { id, row in try row.write(as: id, with: writer) }
    }

    /// Changes the row of a submission the catalogue has and marks it to be written.
    private func change(_ id: String, at position: Int64, in db: Database, _ body: (inout CatalogueRow) -> Void) throws {
        try rows.change(id, stored: { try CatalogueRow.read($0, from: table, in: db) }) { row in
            body(&row)
            row.updatedPosition = position
        }
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

    /// The flagged near-duplicates as JSON (keys sorted, so that rebuilds write the same text).
    private static func json(_ duplicates: [PossibleDuplicate]) throws -> String {
        guard !duplicates.isEmpty else { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(duplicates), as: UTF8.self)
    }
}
