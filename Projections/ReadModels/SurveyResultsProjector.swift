import EventStore
import Foundation
import GRDB
import HadafEvents

/// Survey results: each respondent's latest response (a revision replaces it; an anonymous one
/// counts under its pseudonym), answer by answer, with the respondent's university and whether
/// they answered every question they were shown. Counts per option, means and distributions,
/// responses per university and complete against partial are queries over these tables
/// (``SurveyResults``).
public struct SurveyResultsProjector: Projector {
    public let name = "survey_results"
    public let version = 2
    public let tables = ["survey_questions", "survey_responses", "survey_answers"]
    public let eventTypes: Set<String> = [SurveyDrafted.eventType, SurveyAnswered.eventType, SurveyAnsweredAnonymously.eventType]

    public init() {}

    /// Responses and answers are keyed for the way they are read (a survey's question at a
    /// time) and written (a respondent's answers replaced at once), each table one B-tree.
    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("survey_questions")) (
                survey_id TEXT NOT NULL, question_id TEXT NOT NULL, ordinal INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
                options TEXT NOT NULL, shown_if TEXT, shown_if_value TEXT, PRIMARY KEY (survey_id, question_id));
            CREATE TABLE \(names.table("survey_responses")) (
                survey_id TEXT NOT NULL, respondent TEXT NOT NULL, university TEXT, respondent_kind TEXT NOT NULL,
                complete INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (survey_id, respondent)) WITHOUT ROWID;
            CREATE TABLE \(names.table("survey_answers")) (
                survey_id TEXT NOT NULL, question_id TEXT NOT NULL, respondent TEXT NOT NULL, ordinal INTEGER NOT NULL,
                value_text TEXT, value_number REAL, PRIMARY KEY (survey_id, question_id, respondent, ordinal)) WITHOUT ROWID;
            """)
    }

    public func makeFold(names: TableNames, startsEmpty _: Bool) -> any ProjectionFold {
        Fold(names: names)
    }

    /// Writes each response as it comes, and keeps each survey's questions in memory.
    final class Fold: ProjectionFold {
        /// A question as completeness needs it: its id and the condition that shows it.
        struct Condition {
            let questionId: String
            let shownIf: String?
            let shownIfValue: String?
        }

        let names: TableNames
        private var conditions: [String: [Condition]] = [:]

        init(names: TableNames) {
            self.names = names
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
        }

        func flush(in _: Database) throws {}

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

        /// Records the respondent's latest response: a first one is one insert, a revision
        /// replaces the earlier row and answers.
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
            let responses = names.table("survey_responses")
            let insertResponse = try RawStatement(db, sql: """
                INSERT INTO \(responses) (university, respondent_kind, complete, position, survey_id, respondent) VALUES (?, ?, ?, ?, ?, ?)
                """)
            insertResponse.bind(response.university, at: 1)
            insertResponse.bind(response.kind, at: 2)
            insertResponse.bind(Int64(complete ? 1 : 0), at: 3)
            insertResponse.bind(position, at: 4)
            insertResponse.bind(survey, at: 5)
            insertResponse.bind(response.respondent, at: 6)
            let answers = names.table("survey_answers")
            if try !insertResponse.executeUnlessDuplicate() {
                let arguments: StatementArguments = [response.university, response.kind, complete, position, survey, response.respondent]
                try db.cachedStatement(sql: "UPDATE \(responses) SET university = ?, respondent_kind = ?, complete = ?, position = ? WHERE survey_id = ? AND respondent = ?")
                    .execute(arguments: arguments)
                let delete = try db.cachedStatement(sql: "DELETE FROM \(answers) WHERE survey_id = ? AND question_id = ? AND respondent = ?")
                for question in Set(conditions.map(\.questionId)).union(response.answers.keys) {
                    try delete.execute(arguments: [survey, question, response.respondent])
                }
            }
            let insert = try RawStatement(db, sql: "INSERT INTO \(answers) (survey_id, question_id, respondent, ordinal, value_text, value_number) VALUES (?, ?, ?, ?, ?, ?)")
            func add(_ question: String, _ ordinal: Int, text: String?, number: Double?) throws {
                insert.bind(survey, at: 1)
                insert.bind(question, at: 2)
                insert.bind(response.respondent, at: 3)
                insert.bind(Int64(ordinal), at: 4)
                insert.bind(text, at: 5)
                if let number { insert.bind(number, at: 6) }
                try insert.execute()
            }
            for (question, value) in response.answers {
                switch value {
                case let .choice(choice): try add(question, 0, text: choice, number: nil)
                case let .choices(choices): for (ordinal, choice) in choices.enumerated() { try add(question, ordinal, text: choice, number: nil) }
                case let .number(number): try add(question, 0, text: nil, number: number)
                case let .text(text): try add(question, 0, text: text, number: nil)
                }
            }
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

    static func encode(_ value: SurveyAnswerValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func describe(_ kind: SurveyQuestion.Kind) -> (String, [String]) {
        switch kind {
        case let .singleChoice(options): ("single_choice", options)
        case let .multipleChoice(options, _, _): ("multiple_choice", options)
        case .likert: ("likert", ["1", "2", "3", "4", "5"])
        case .scale: ("scale", (0...10).map(String.init))
        case .number: ("number", [])
        case .shortText: ("short_text", [])
        case .longText: ("long_text", [])
        }
    }
}
