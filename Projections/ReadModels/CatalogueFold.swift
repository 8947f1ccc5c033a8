import EventStore
import Foundation
import GRDB
import HadafEvents

/// The catalogue's fold: each submission's row is changed in memory by its events and written
/// once at the flush, instead of one statement per event (a draft, its submission and its
/// screening usually fall in one page, and in a rebuild in one run).
///
/// Rows stay held after a flush, so that later events need not read them back, until more than
/// ``maximumHeldRows`` are held: then they are written and forgotten, which bounds the memory on
/// logs of any size.
final class CatalogueFold: ProjectionFold {
    let table: String
    let maximumHeldRows: Int
    private var rows: [String: CatalogueRow] = [:]
    private var changed: Set<String> = []
    /// True while every row of the table is held (it started empty and nothing was forgotten).
    private var holdsEverything: Bool

    init(names: TableNames, startsEmpty: Bool, maximumHeldRows: Int) {
        table = names.table("catalogue")
        holdsEverything = startsEmpty
        self.maximumHeldRows = maximumHeldRows
    }

    func apply(_ event: RecordedEvent, in db: Database) throws {
        let id = String(event.stream.dropFirst("submission-".count))
        if let heading = try SubmissionHeading.of(event) {
            try apply(heading, of: id, event, in: db)
        } else {
            try apply(SubmissionEvent(event), of: id, event, in: db)
        }
        if rows.count > maximumHeldRows { try flush(in: db) }
    }

    /// A draft makes the submission's row; a revision changes its kind, title, category and
    /// entrant.
    private func apply(_ heading: SubmissionHeading, of id: String, _ event: RecordedEvent, in db: Database) throws {
        let kind = heading.isIdea ? "idea" : "experience"
        if let submitter = heading.submitter, let university = heading.university {
            rows[id] = CatalogueRow(
                kind: kind, title: heading.title, category: heading.category.rawValue,
                university: university, submitter: submitter, status: "draft", entrant: try Self.entrant(heading.authors, event),
                entrantId: Self.entrantId(heading.authors, submitter: submitter), acceptedYear: nil, possibleDuplicates: "[]",
                draftedPosition: event.position, updatedPosition: event.position)
            changed.insert(id)
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
            let milliseconds = event.occurredAtMilliseconds ?? event.recordedAtMilliseconds
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

    /// Writes the changed rows in key order; forgets every row when more than
    /// ``maximumHeldRows`` are held.
    func flush(in db: Database) throws {
        let writer = try CatalogueRow.writer(into: table, in: db)
        for id in changed.sorted() {
            try rows[id]!.write(as: id, with: writer)
        }
        changed = []
        if rows.count > maximumHeldRows {
            rows = [:]
            holdsEverything = false
        }
    }

    /// Changes the row of a submission the catalogue has (an event for one it has not is
    /// ignored, as an update of no row would be) and marks it to be written.
    private func change(_ id: String, at position: Int64, in db: Database, _ body: (inout CatalogueRow) -> Void) throws {
        guard var row = try rows[id] ?? (holdsEverything ? nil : CatalogueRow.read(id, from: table, in: db)) else { return }
        body(&row)
        row.updatedPosition = position
        rows[id] = row
        changed.insert(id)
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
