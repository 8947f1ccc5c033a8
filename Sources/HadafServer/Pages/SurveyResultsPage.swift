import Foundation
import HadafEvents
import HadafProjections
import Participation

/// A survey's results so far, for officers: responses (complete and partial) and by university,
/// and for each question how many answered, the count of each option or scale value with its
/// share, and the mean where there is one. For the ministry, the survey's standing with the
/// button that publishes a draft or closes a published survey.
struct SurveyResultsPage: Sendable {
    static let template = "survey-results"

    let account: PageAccount
    let csrfToken: String
    let surveyId: String
    let surveyTitle: String
    let statusName: String
    let window: String
    let mayPublish: Bool
    let mayClose: Bool
    let notice: String?
    let formError: String?
    let responses: String
    let complete: String
    let partial: String
    let universities: [Share]
    let questions: [Question]

    struct Share: Sendable {
        let label: String
        let count: String
        let percent: String
    }

    struct Question: Sendable {
        let questionText: String
        let answered: String
        let shares: [Share]
        let hasShares: Bool
        let mean: String?
    }

    /// The page of survey `surveyId` as `state` stands, with its `results` once the read model
    /// holds them (none yet, a moment after drafting); `manages` for a ministry officer.
    init(
        account: PageAccount, surveyId: String, state: Survey.State, definition: SurveyDefinition, results: SurveyResults?, manages: Bool,
        notice: String? = nil, formError: String? = nil, universityName: (String) throws -> String
    ) rethrows {
        self.account = account
        csrfToken = account.csrfToken
        self.surveyId = surveyId
        surveyTitle = definition.title
        statusName = state.isClosed ? "بسته" : state.isPublished ? "منتشرشده" : "پیش‌نویس"
        window = "\(PersianDisplay.date(definition.opensAt)) تا \(PersianDisplay.lastDay(before: definition.closesAt))"
        mayPublish = manages && !state.isPublished && !state.isClosed
        mayClose = manages && state.isPublished && !state.isClosed
        self.notice = notice
        self.formError = formError
        responses = Digits.persian(results?.responses ?? 0)
        complete = Digits.persian(results?.complete ?? 0)
        partial = Digits.persian(results?.partial ?? 0)
        func percent(_ count: Int, of total: Int) -> String { total == 0 ? "۰٪" : PersianDisplay.number(Double(count) * 100 / Double(total)) + "٪" }
        universities = try (results?.byUniversity ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            Share(label: $0.key.isEmpty ? "بی‌دانشگاه" : try universityName($0.key), count: Digits.persian($0.value), percent: percent($0.value, of: results?.responses ?? 0))
        }
        guard let results else {
            questions = definition.questions.map { Question(questionText: $0.text, answered: "۰", shares: [], hasShares: false, mean: nil) }
            return
        }
        questions = results.questions.map { question in
            let shares = question.counts.map { Share(label: Digits.persian($0.value), count: Digits.persian($0.count), percent: percent($0.count, of: question.answered)) }
            return Question(
                questionText: question.text, answered: Digits.persian(question.answered), shares: shares, hasShares: !shares.isEmpty,
                mean: question.mean.map(PersianDisplay.number))
        }
    }
}
