import Foundation
import GRDB
import HadafEvents

/// The submissions of a university awaiting its deputy's screening, oldest first, each with the
/// near-identical earlier submissions flagged when it was submitted.
public struct ScreeningQueue: Sendable {
    public struct Item: Codable, Hashable, Sendable {
        public let submissionId: String
        /// `idea` or `experience`.
        public let kind: String
        public let title: String
        public let submitter: String
        public let updatedPosition: Int64
        public let possibleDuplicates: [Duplicate]
    }

    /// An earlier submission near-identical to one in the queue.
    public struct Duplicate: Codable, Hashable, Sendable {
        public let submissionId: String
        public let similarity: Double
        /// Its title, when it is in the catalogue.
        public let title: String?
    }

    /// The queue of `university`.
    public static func read(university: String, in model: ReadModel) throws(ProjectionError) -> [Item] {
        try model.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT submission_id, kind, title, submitter, updated_position, possible_duplicates FROM catalogue
                    WHERE university = ? AND status = 'submitted' ORDER BY updated_position
                    """,
                arguments: [university])
            return try rows.map { row in
                let flagged = try JSONDecoder().decode([PossibleDuplicate].self, from: Data((row[5] as String).utf8))
                let duplicates = try flagged.map { duplicate in
                    Duplicate(
                        submissionId: duplicate.submissionId, similarity: duplicate.similarity,
                        title: try String.fetchOne(db, sql: "SELECT title FROM catalogue WHERE submission_id = ?", arguments: [duplicate.submissionId]))
                }
                return Item(submissionId: row[0], kind: row[1], title: row[2], submitter: row[3], updatedPosition: row[4], possibleDuplicates: duplicates)
            }
        }
    }
}
