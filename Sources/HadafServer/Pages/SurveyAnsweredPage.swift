/// The page after a survey's answers are recorded.
struct SurveyAnsweredPage: Sendable {
    static let template = "survey-answered"

    let account: PageAccount
    let surveyTitle: String
    let today: String
    let anonymous: Bool
}
