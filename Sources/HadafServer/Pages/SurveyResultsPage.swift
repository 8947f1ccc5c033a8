import HadafEvents
import HadafProjections

/// A survey's results so far, for officers: responses (complete and partial) and by university,
/// and for each question how many answered, the count of each option or scale value with its
/// share, and the mean where there is one.
struct SurveyResultsPage: Sendable {
    static let template = "survey-results"

    let account: PageAccount
    let surveyTitle: String
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

    init(account: PageAccount, title: String, results: SurveyResults, universityName: (String) throws -> String) rethrows {
        self.account = account
        surveyTitle = title
        responses = Digits.persian(results.responses)
        complete = Digits.persian(results.complete)
        partial = Digits.persian(results.partial)
        func percent(_ count: Int, of total: Int) -> String { total == 0 ? "۰٪" : PersianDisplay.number(Double(count) * 100 / Double(total)) + "٪" }
        universities = try results.byUniversity.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            Share(label: $0.key.isEmpty ? "بی‌دانشگاه" : try universityName($0.key), count: Digits.persian($0.value), percent: percent($0.value, of: results.responses))
        }
        questions = results.questions.map { question in
            let shares = question.counts.map { Share(label: $0.value, count: Digits.persian($0.count), percent: percent($0.count, of: question.answered)) }
            return Question(
                questionText: question.text, answered: Digits.persian(question.answered), shares: shares, hasShares: !shares.isEmpty,
                mean: question.mean.map(PersianDisplay.number))
        }
    }
}
