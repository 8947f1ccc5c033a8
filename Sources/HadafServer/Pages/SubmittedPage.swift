import Foundation

/// The page after a submitted idea or experience: the Jalali date and the submission's reference
/// for later questions.
struct SubmittedPage: Sendable {
    static let template = "submitted"

    let account: PageAccount
    let submissionId: String
    let kindName: String
    let today: String

    init(account: PageAccount, submissionId: String, at now: Date) {
        self.account = account
        self.submissionId = submissionId
        kindName = submissionId.hasPrefix("experience") ? "تجربه" : "ایده"
        today = PersianDisplay.date(now)
    }
}
