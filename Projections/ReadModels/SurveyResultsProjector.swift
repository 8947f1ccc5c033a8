import Foundation
import GRDB
import HadafEvents

/// Survey results: each respondent's latest response (a revision replaces it; an anonymous one
/// counts under its pseudonym) with the respondent's university and whether they answered every
/// question they were shown, and the counts of the latest responses: respondents per question,
/// and per question and value (an option, a scale's point, a number). Counts per option, means
/// and distributions, responses per university and complete against partial are read from these
/// tables (``SurveyResults``).
///
/// The counts are kept rather than one row per answer: a response is one row whatever its
/// length, and the counts change in memory and are written at the flush (``SurveyResultsFold``).
public struct SurveyResultsProjector: Projector {
    public let name = "survey_results"
    public let version = 3
    public let tables = ["survey_questions", "survey_responses", "survey_answered", "survey_counts"]
    /// Version 2 kept one row per answer.
    public let retiredTables = ["survey_answers"]
    public let eventTypes: Set<String> = [SurveyDrafted.eventType, SurveyAnswered.eventType, SurveyAnsweredAnonymously.eventType]

    /// Responses held by the fold before it writes them all and forgets them.
    public let maximumHeldResponses: Int

    /// The default bound on held responses: about 100 MB.
    public static let defaultMaximumHeldResponses = 500_000

    public init(maximumHeldResponses: Int = Self.defaultMaximumHeldResponses) {
        self.maximumHeldResponses = maximumHeldResponses
    }

    /// Responses are keyed by survey and respondent (a revision finds the response it replaces),
    /// counts by survey and question (the way they are read); each table is one B-tree.
    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("survey_questions")) (
                survey_id TEXT NOT NULL, question_id TEXT NOT NULL, ordinal INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
                options TEXT NOT NULL, shown_if TEXT, shown_if_value TEXT, PRIMARY KEY (survey_id, question_id));
            CREATE TABLE \(names.table("survey_responses")) (
                survey_id TEXT NOT NULL, respondent TEXT NOT NULL, university TEXT, respondent_kind TEXT NOT NULL,
                complete INTEGER NOT NULL, position INTEGER NOT NULL, tallies TEXT NOT NULL, PRIMARY KEY (survey_id, respondent)) WITHOUT ROWID;
            CREATE TABLE \(names.table("survey_answered")) (
                survey_id TEXT NOT NULL, question_id TEXT NOT NULL, respondents INTEGER NOT NULL,
                PRIMARY KEY (survey_id, question_id)) WITHOUT ROWID;
            CREATE TABLE \(names.table("survey_counts")) (
                survey_id TEXT NOT NULL, question_id TEXT NOT NULL, value TEXT NOT NULL, respondents INTEGER NOT NULL,
                PRIMARY KEY (survey_id, question_id, value)) WITHOUT ROWID;
            """)
    }

    public func makeFold(names: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        SurveyResultsFold(names: names, startsEmpty: startsEmpty, maximumHeldResponses: maximumHeldResponses)
    }

    /// The error of a stored response whose counts cannot be read back (its table was changed
    /// by hand): rebuilding the projection writes it again.
    static func unreadableTallies(_ survey: String, _ respondent: String) -> ProjectionError {
        .readModel("the stored response of \(respondent) to survey \(survey) cannot be read back; rebuild survey_results")
    }

    static func encode(_ value: SurveyAnswerValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Reads back an answer written by ``encode(_:)``.
    static func decode(_ stored: String) throws -> SurveyAnswerValue {
        try JSONDecoder().decode(SurveyAnswerValue.self, from: Data(stored.utf8))
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
