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
        /// The answer to ``shownIf`` that shows the question.
        let shownIfAnswer: SurveyAnswerValue?
    }

    /// A response as its row holds it.
    struct StoredResponse {
        let university: String?
        let kind: String
        let complete: Bool
        let position: Int64
        /// Held as values and written as ``ResponseTallies/stored`` only at the flush: a revision
        /// takes back what the response it replaces added without reading that text back.
        let tallies: ResponseTallies
        /// False from a change until the flush writes it.
        var isWritten: Bool
    }

    /// What the fold holds for one survey: its questions' conditions, the responses it holds, and
    /// the changes to its counts not yet written. Kept per survey so that an answer costs one
    /// lookup by survey and then lookups by one string, not by keys of two or three strings.
    final class HeldSurvey {
        /// Nil until the survey's draft is folded or its questions are read back.
        var conditions: [Condition]?
        var responses: [String: StoredResponse] = [:]
        /// Respondents whose response changed since the last flush.
        var unwritten: [String] = []
        /// Question id → the change in respondents who answered it.
        var answered: [String: Int] = [:]
        /// Question id → value → the change in respondents counted under it.
        var values: [String: [String: Int]] = [:]

        /// Adds (`sign` 1) or takes back (`sign` -1) a response's tallies.
        func add(_ tallies: ResponseTallies, sign: Int) {
            for (question, counted) in tallies.answers {
                answered[question, default: 0] += sign
                guard !counted.isEmpty else { continue }
                Self.add(counted, sign: sign, to: &values[question, default: [:]])
            }
        }

        private static func add(_ counted: [String], sign: Int, to counts: inout [String: Int]) {
            for value in counted { counts[value, default: 0] += sign }
        }
    }

    let names: TableNames
    let maximumHeldResponses: Int
    private var surveys: [String: HeldSurvey] = [:]
    private var heldResponses = 0
    /// True while every response of the table is held (it started empty and nothing was forgotten).
    private var holdsEverything: Bool

    init(names: TableNames, startsEmpty: Bool, maximumHeldResponses: Int) {
        self.names = names
        self.maximumHeldResponses = maximumHeldResponses
        holdsEverything = startsEmpty
    }

    func apply(_ event: RecordedEvent, in db: Database) throws {
        let survey = String(event.stream.dropFirst("survey-".count))
        if let response = try SurveyResponse.of(event) {
            try record(response, to: survey, at: event.position, in: db)
        } else if let drafted = try event.decode(as: SurveyDrafted.self) {
            try record(drafted.definition.questions, of: survey, in: db)
        }
        if heldResponses > maximumHeldResponses { try flush(in: db) }
    }

    /// Writes the changed responses in key order and adds the held changes to the counts; a
    /// count that falls to zero is deleted, so the tables hold the same rows however the log was
    /// cut into pages. Forgets every response when more than ``maximumHeldResponses`` are held.
    func flush(in db: Database) throws {
        var write = BatchedInsert(db, head: """
            INSERT OR REPLACE INTO \(names.table("survey_responses")) (survey_id, respondent, university, respondent_kind, complete, position, tallies) VALUES
            """, columnCount: 7)
        let forgetting = heldResponses > maximumHeldResponses
        for (survey, held) in surveys.sorted(by: { $0.key < $1.key }) {
            for respondent in held.unwritten.sorted() {
                let response = held.responses[respondent]!
                write.add(survey)
                write.add(respondent)
                write.add(response.university)
                write.add(response.kind)
                write.add(response.complete)
                write.add(response.position)
                write.add(response.tallies.stored)
                try write.endRow()
                held.responses[respondent]!.isWritten = true
            }
            held.unwritten = []
            if forgetting { held.responses = [:] }
            for (question, change) in held.answered where change != 0 {
                try add(change, to: "survey_answered", key: ["survey_id": survey, "question_id": question], in: db)
            }
            for (question, counts) in held.values {
                for (value, change) in counts where change != 0 {
                    try add(change, to: "survey_counts", key: ["survey_id": survey, "question_id": question, "value": value], in: db)
                }
            }
            held.answered.removeAll(keepingCapacity: true)
            held.values.removeAll(keepingCapacity: true)
        }
        try write.finish()
        if forgetting {
            heldResponses = 0
            holdsEverything = false
        }
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
            conditions.append(Condition(questionId: question.id, shownIf: question.showIf?.questionId, shownIfAnswer: question.showIf?.equals))
        }
        held(survey).conditions = conditions
    }

    /// Records the respondent's latest response; a revision takes back the counts of the
    /// response it replaces.
    private func record(_ response: SurveyResponse, to survey: String, at position: Int64, in db: Database) throws {
        let held = held(survey)
        let conditions = try questions(of: survey, held, in: db)
        // Complete: every question shown by its condition is answered, optional ones included.
        let complete = conditions.allSatisfy { question in
            var shown = true
            if let earlier = question.shownIf, let answer = question.shownIfAnswer {
                shown = response.answer(to: earlier) == answer
            }
            return !shown || response.answer(to: question.questionId) != nil
        }
        let tallies = ResponseTallies(response.answers)
        // Held in one look-up, which hands back the response it replaces.
        let replaced = held.responses.updateValue(StoredResponse(
            university: response.university, kind: response.respondentKind, complete: complete, position: position, tallies: tallies, isWritten: false),
            forKey: response.respondent)
        if let earlier = try replaced?.tallies ?? (holdsEverything ? nil : storedTallies(of: response.respondent, to: survey, in: db)) {
            held.add(earlier, sign: -1)
        }
        held.add(tallies, sign: 1)
        if replaced == nil { heldResponses += 1 }
        if replaced?.isWritten ?? true { held.unwritten.append(response.respondent) }
    }

    /// What the fold holds for `survey`, made when it holds nothing yet.
    private func held(_ survey: String) -> HeldSurvey {
        if let held = surveys[survey] { return held }
        let held = HeldSurvey()
        surveys[survey] = held
        return held
    }

    /// The tallies of the respondent's stored response to `survey`, or nil when there is none.
    private func storedTallies(of respondent: String, to survey: String, in db: Database) throws -> ResponseTallies? {
        let stored = try String.fetchOne(
            db.cachedStatement(sql: "SELECT tallies FROM \(names.table("survey_responses")) WHERE survey_id = ? AND respondent = ?"),
            arguments: [survey, respondent])
        return try stored.map { text in
            guard let tallies = ResponseTallies(stored: text) else { throw SurveyResultsProjector.unreadableTallies(survey, respondent) }
            return tallies
        }
    }

    /// The survey's conditions, read back from its questions' rows when its draft was folded
    /// before this fold began.
    private func questions(of survey: String, _ held: HeldSurvey, in db: Database) throws -> [Condition] {
        if let known = held.conditions { return known }
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT question_id, shown_if, shown_if_value FROM \(names.table("survey_questions")) WHERE survey_id = ? ORDER BY ordinal"),
            arguments: [survey])
        let loaded = try rows.map { row in
            Condition(questionId: row[0], shownIf: row[1], shownIfAnswer: try (row[2] as String?).map(SurveyResultsProjector.decode))
        }
        held.conditions = loaded
        return loaded
    }
}
