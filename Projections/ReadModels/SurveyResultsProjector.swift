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
    public let version = 1
    public let tables = ["survey_questions", "survey_responses", "survey_answers"]
    public let eventTypes: Set<String> = [SurveyDrafted.eventType, SurveyAnswered.eventType, SurveyAnsweredAnonymously.eventType]

    public init() {}

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("survey_questions")) (
                survey_id TEXT NOT NULL, question_id TEXT NOT NULL, ordinal INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
                options TEXT NOT NULL, shown_if TEXT, shown_if_value TEXT, PRIMARY KEY (survey_id, question_id));
            CREATE TABLE \(names.table("survey_responses")) (
                survey_id TEXT NOT NULL, respondent TEXT NOT NULL, university TEXT, respondent_kind TEXT NOT NULL,
                complete INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (survey_id, respondent));
            CREATE TABLE \(names.table("survey_answers")) (
                survey_id TEXT NOT NULL, respondent TEXT NOT NULL, question_id TEXT NOT NULL, value_text TEXT, value_number REAL);
            CREATE INDEX \(names.index("by_question", on: "survey_answers")) ON \(names.table("survey_answers")) (survey_id, question_id);
            CREATE INDEX \(names.index("by_respondent", on: "survey_answers")) ON \(names.table("survey_answers")) (survey_id, respondent);
            """)
    }

    public func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        let survey = String(event.stream.dropFirst("survey-".count))
        if let drafted = try event.decode(as: SurveyDrafted.self) {
            try db.execute(sql: "DELETE FROM \(names.table("survey_questions")) WHERE survey_id = ?", arguments: [survey])
            for (ordinal, question) in drafted.definition.questions.enumerated() {
                let (kind, options) = Self.describe(question.kind)
                try db.execute(
                    sql: "INSERT INTO \(names.table("survey_questions")) (survey_id, question_id, ordinal, kind, text, options, shown_if, shown_if_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [survey, question.id, ordinal, kind, question.text, options.joined(separator: "\u{1F}"),
                                question.showIf?.questionId, try question.showIf.map { try Self.encode($0.equals) }])
            }
            return
        }
        let response: (respondent: String, kind: String, university: String?, answers: [String: SurveyAnswerValue])
        if let named = try event.decode(as: SurveyAnswered.self) {
            response = (named.respondent, named.respondentKind, named.university, named.answers)
        } else if let anonymous = try event.decode(as: SurveyAnsweredAnonymously.self) {
            response = (anonymous.pseudonym, anonymous.respondentKind, anonymous.university, anonymous.answers)
        } else {
            return
        }
        let answers = names.table("survey_answers")
        try db.cachedStatement(sql: "DELETE FROM \(answers) WHERE survey_id = ? AND respondent = ?").execute(arguments: [survey, response.respondent])
        let insert = try db.cachedStatement(sql: "INSERT INTO \(answers) (survey_id, respondent, question_id, value_text, value_number) VALUES (?, ?, ?, ?, ?)")
        for (question, value) in response.answers.sorted(by: { $0.key < $1.key }) {
            switch value {
            case let .choice(choice): try insert.execute(arguments: [survey, response.respondent, question, choice, nil])
            case let .choices(choices): for choice in choices { try insert.execute(arguments: [survey, response.respondent, question, choice, nil]) }
            case let .number(number): try insert.execute(arguments: [survey, response.respondent, question, nil, number])
            case let .text(text): try insert.execute(arguments: [survey, response.respondent, question, text, nil])
            }
        }
        // Complete: every question shown by its condition is answered, optional ones included.
        let questions = try Row.fetchAll(db.cachedStatement(sql: "SELECT question_id, shown_if, shown_if_value FROM \(names.table("survey_questions")) WHERE survey_id = ? ORDER BY ordinal"), arguments: [survey])
        let complete = try questions.allSatisfy { question in
            var shown = true
            if let earlier = question[1] as String?, let value = question[2] as String? {
                shown = try response.answers[earlier].map(Self.encode) == value
            }
            return !shown || response.answers[question[0] as String] != nil
        }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO \(names.table("survey_responses")) (survey_id, respondent, university, respondent_kind, complete, position)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [survey, response.respondent, response.university, response.kind, complete, event.position])
    }

    private static func encode(_ value: SurveyAnswerValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func describe(_ kind: SurveyQuestion.Kind) -> (String, [String]) {
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
