import Foundation
import GRDB

/// Every survey as the ministry oversees them: its title, status (`draft`, `published`,
/// `closed`) and window, newest closing first.
public struct SurveyOverview: Codable, Hashable, Sendable {
    public let surveyId: String
    public let title: String
    public let status: String
    public let closesAt: Date

    public static func all(in model: ReadModel) throws(ProjectionError) -> [SurveyOverview] {
        try model.read { db in
            try Row.fetchAll(db, sql: "SELECT survey_id, title, status, closes_at FROM survey_listing ORDER BY closes_at DESC, survey_id").map { row in
                let closes: Int64 = row[3]
                return SurveyOverview(surveyId: row[0], title: row[1], status: row[2], closesAt: Date(timeIntervalSince1970: Double(closes) / 1000))
            }
        }
    }
}
