import Foundation
import GRDB

/// A survey's results, read from the survey-results tables.
public struct SurveyResults: Codable, Hashable, Sendable {
    public let surveyId: String
    public let responses: Int
    public let complete: Int
    public let partial: Int
    /// Responses by university code ("" for none).
    public let byUniversity: [String: Int]
    public let questions: [Question]

    public struct Question: Codable, Hashable, Sendable {
        public let id: String
        public let text: String
        public let kind: String
        public let answered: Int
        /// Option (or scale value) → how many chose it, in the question's order.
        public let counts: [Count]
        /// The mean, for scales and numbers.
        public let mean: Double?
    }

    public struct Count: Codable, Hashable, Sendable {
        public let value: String
        public let count: Int
    }

    /// The results of `surveyId`, or nil when the read model knows no such survey.
    public static func read(_ surveyId: String, in model: ReadModel) throws(ProjectionError) -> SurveyResults? {
        try model.read { db in
            let questions = try Row.fetchAll(db, sql: "SELECT question_id, text, kind, options FROM survey_questions WHERE survey_id = ? ORDER BY ordinal", arguments: [surveyId])
            guard !questions.isEmpty else { return nil }
            let totals = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(complete), 0) FROM survey_responses WHERE survey_id = ?", arguments: [surveyId])
            let responses: Int = totals?[0] ?? 0
            let complete: Int = totals?[1] ?? 0
            var byUniversity: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT COALESCE(university, ''), COUNT(*) FROM survey_responses WHERE survey_id = ? GROUP BY 1", arguments: [surveyId]) {
                byUniversity[row[0]] = row[1]
            }
            let results = try questions.map { question -> Question in
                let id: String = question[0]
                let kind: String = question[2]
                let options = (question[3] as String).split(separator: "\u{1F}").map(String.init)
                let answered = try Int.fetchOne(db, sql: "SELECT respondents FROM survey_answered WHERE survey_id = ? AND question_id = ?", arguments: [surveyId, id]) ?? 0
                let tallies = try Row.fetchAll(db, sql: "SELECT value, respondents FROM survey_counts WHERE survey_id = ? AND question_id = ? ORDER BY value",
                                               arguments: [surveyId, id]).map { (value: $0[0] as String, count: $0[1] as Int) }
                let counted = Dictionary(uniqueKeysWithValues: tallies)
                let counts = options.isEmpty || kind.hasSuffix("text") ? [] : options.map { Count(value: $0, count: counted[$0] ?? 0) }
                let mean = ["likert", "scale", "number"].contains(kind) ? Self.mean(of: tallies) : nil
                return Question(id: id, text: question[1], kind: kind, answered: answered, counts: counts, mean: mean.map { ($0 * 100).rounded() / 100 })
            }
            return SurveyResults(surveyId: surveyId, responses: responses, complete: complete, partial: responses - complete, byUniversity: byUniversity, questions: results)
        }
    }

    /// The mean of numbers counted by value (nil when none), summed in the order given so that
    /// one model always reads the same mean.
    private static func mean(of tallies: [(value: String, count: Int)]) -> Double? {
        var sum = 0.0, count = 0
        for (value, times) in tallies {
            guard let number = Double(value) else { continue }
            sum += number * Double(times)
            count += times
        }
        return count == 0 ? nil : sum / Double(count)
    }
}
