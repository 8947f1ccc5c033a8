import EventStore
import GRDB
import HadafEvents

/// The survey results' fold: responses and the changes to the counts are held in memory and
/// written at the flush, responses in key order.
///
/// Respondents answer in no particular order, so writing each response as it comes inserts all
/// over the table, and every commit rewrites pages everywhere in it: on a million events that
/// cost grew faster than the log. Responses stay held after a flush, so that a revision finds the
/// response it replaces without reading it back, until more than ``maximumHeldResponses`` are
/// held: then they are written and forgotten, which bounds the memory on logs of any size.
final class SurveyResultsFold: ProjectionFold {
    /// A question as completeness needs it: its id and the condition that shows it.
    struct Condition {
        let questionId: String
        let shownIf: String?
        let shownIfValue: String?
    }

    /// A respondent's latest response to a survey.
    struct ResponseKey: Hashable, Comparable {
        let survey: String
        let respondent: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.survey, lhs.respondent) < (rhs.survey, rhs.respondent)
        }
    }

    /// A response as its row holds it.
    struct StoredResponse {
        let university: String?
        let kind: String
        let complete: Bool
        let position: Int64
        /// ``ResponseTallies/stored``.
        let tallies: String
    }

    let names: TableNames
    let maximumHeldResponses: Int
    private var conditions: [String: [Condition]] = [:]
    private var pending = PendingTallies()
    private var responses: [ResponseKey: StoredResponse] = [:]
    private var changed: Set<ResponseKey> = []
    /// True while every response of the table is held (it started empty and nothing was forgotten).
    private var holdsEverything: Bool

    init(names: TableNames, startsEmpty: Bool, maximumHeldResponses: Int) {
        self.names = names
        self.maximumHeldResponses = maximumHeldResponses
        holdsEverything = startsEmpty
    }

    func apply(_ event: RecordedEvent, in db: Database) throws {
        let survey = String(event.stream.dropFirst("survey-".count))
        if let drafted = try event.decode(as: SurveyDrafted.self) {
            try record(drafted.definition.questions, of: survey, in: db)
        } else if let named = try event.decode(as: SurveyAnswered.self) {
            try record(Response(respondent: named.respondent, kind: named.respondentKind, university: named.university, answers: named.answers),
                       to: survey, at: event.position, in: db)
        } else if let anonymous = try event.decode(as: SurveyAnsweredAnonymously.self) {
            try record(Response(respondent: anonymous.pseudonym, kind: anonymous.respondentKind, university: anonymous.university, answers: anonymous.answers),
                       to: survey, at: event.position, in: db)
        }
        if responses.count > maximumHeldResponses { try flush(in: db) }
    }

    /// Writes the changed responses in key order and adds the held changes to the counts; a
    /// count that falls to zero is deleted, so the tables hold the same rows however the log was
    /// cut into pages. Forgets every response when more than ``maximumHeldResponses`` are held.
    func flush(in db: Database) throws {
        let write = try RawStatement(db, sql: """
            INSERT OR REPLACE INTO \(names.table("survey_responses")) (survey_id, respondent, university, respondent_kind, complete, position, tallies)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for key in changed.sorted() {
            let response = responses[key]!
            write.bind(key.survey, at: 1)
            write.bind(key.respondent, at: 2)
            write.bind(response.university, at: 3)
            write.bind(response.kind, at: 4)
            write.bind(Int64(response.complete ? 1 : 0), at: 5)
            write.bind(response.position, at: 6)
            write.bind(response.tallies, at: 7)
            try write.execute()
        }
        changed = []
        if responses.count > maximumHeldResponses {
            responses = [:]
            holdsEverything = false
        }
        for (key, change) in pending.answered where change != 0 {
            try add(change, to: "survey_answered", key: ["survey_id": key.survey, "question_id": key.question], in: db)
        }
        for (key, change) in pending.values where change != 0 {
            try add(change, to: "survey_counts", key: ["survey_id": key.question.survey, "question_id": key.question.question, "value": key.value], in: db)
        }
        pending.removeAll()
    }

    /// Adds `change` to the respondents of the table's row with `key`, creating the row, and
    /// deletes the row when its count falls to zero.
    private func add(_ change: Int, to table: String, key: [String: String], in db: Database) throws {
        let columns = key.keys.sorted()
        let arguments = StatementArguments(columns.map { key[$0] })
        try db.cachedStatement(sql: """
            INSERT INTO \(names.table(table)) (\(columns.joined(separator: ", ")), respondents) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")), ?)
            ON CONFLICT DO UPDATE SET respondents = respondents + excluded.respondents
            """).execute(arguments: arguments + [change])
        if change < 0 {
            try db.cachedStatement(sql: "DELETE FROM \(names.table(table)) WHERE \(columns.map { "\($0) = ?" }.joined(separator: " AND ")) AND respondents = 0")
                .execute(arguments: arguments)
        }
    }

    private func record(_ questions: [SurveyQuestion], of survey: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM \(names.table("survey_questions")) WHERE survey_id = ?").execute(arguments: [survey])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO \(names.table("survey_questions")) (survey_id, question_id, ordinal, kind, text, options, shown_if, shown_if_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var conditions: [Condition] = []
        for (ordinal, question) in questions.enumerated() {
            let (kind, options) = SurveyResultsProjector.describe(question.kind)
            let shownIfValue = try question.showIf.map { try SurveyResultsProjector.encode($0.equals) }
            try insert.execute(arguments: [survey, question.id, ordinal, kind, question.text, options.joined(separator: "\u{1F}"), question.showIf?.questionId, shownIfValue])
            conditions.append(Condition(questionId: question.id, shownIf: question.showIf?.questionId, shownIfValue: shownIfValue))
        }
        self.conditions[survey] = conditions
    }

    /// A response, named or under a pseudonym.
    struct Response {
        let respondent: String
        let kind: String
        let university: String?
        let answers: [String: SurveyAnswerValue]
    }

    /// Records the respondent's latest response; a revision takes back the counts of the
    /// response it replaces.
    private func record(_ response: Response, to survey: String, at position: Int64, in db: Database) throws {
        let conditions = try questions(of: survey, in: db)
        // Complete: every question shown by its condition is answered, optional ones included.
        let complete = try conditions.allSatisfy { question in
            var shown = true
            if let earlier = question.shownIf, let value = question.shownIfValue {
                shown = try response.answers[earlier].map(SurveyResultsProjector.encode) == value
            }
            return !shown || response.answers[question.questionId] != nil
        }
        let key = ResponseKey(survey: survey, respondent: response.respondent)
        if let earlier = try responses[key]?.tallies ?? (holdsEverything ? nil : storedTallies(of: key, in: db)) {
            guard let tallies = ResponseTallies(stored: earlier) else { throw SurveyResultsProjector.unreadableTallies(survey, response.respondent) }
            pending.add(tallies, of: survey, sign: -1)
        }
        let tallies = ResponseTallies(response.answers)
        pending.add(tallies, of: survey, sign: 1)
        responses[key] = StoredResponse(university: response.university, kind: response.kind, complete: complete, position: position, tallies: tallies.stored)
        changed.insert(key)
    }

    /// The tallies of the stored response of `key`, or nil when there is none.
    private func storedTallies(of key: ResponseKey, in db: Database) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT tallies FROM \(names.table("survey_responses")) WHERE survey_id = ? AND respondent = ?"),
            arguments: [key.survey, key.respondent])
    }

    private func questions(of survey: String, in db: Database) throws -> [Condition] {
        if let known = conditions[survey] { return known }
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT question_id, shown_if, shown_if_value FROM \(names.table("survey_questions")) WHERE survey_id = ? ORDER BY ordinal"),
            arguments: [survey])
        let loaded = rows.map { Condition(questionId: $0[0], shownIf: $0[1], shownIfValue: $0[2]) }
        conditions[survey] = loaded
        return loaded
    }
}
