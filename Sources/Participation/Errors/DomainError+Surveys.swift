import EventStore
import HadafEvents
import Foundation

extension DomainError {
    public static let surveyNotFound = DomainError(
        kind: .notFound, code: "survey.not_found", english: "There is no such survey.", persian: "چنین نظرسنجی‌ای وجود ندارد.")

    public static let surveyAlreadyPublished = DomainError(
        kind: .conflict, code: "survey.already_published",
        english: "The survey is published: its questions can no longer change.",
        persian: "نظرسنجی منتشر شده است و پرسش‌های آن دیگر تغییر نمی‌کند.")

    public static let surveyNotPublished = DomainError(
        kind: .conflict, code: "survey.not_published", english: "The survey is not published.", persian: "نظرسنجی منتشر نشده است.")

    public static let surveyClosed = DomainError(
        kind: .conflict, code: "survey.closed", english: "The survey is closed.", persian: "مهلت این نظرسنجی به پایان رسیده است.")

    public static func surveyNotOpenYet(opensAt: Date) -> DomainError {
        let day = JalaliDate(opensAt)
        return DomainError(
            kind: .conflict, code: "survey.not_open_yet",
            english: "The survey opens on \(day) (Tehran).",
            persian: "نظرسنجی از \(day.persianText) باز می‌شود.")
    }

    public static let surveyWindowPassed = DomainError(
        kind: .conflict, code: "survey.window_passed", field: "closesAt",
        english: "The survey's closing time has passed; set a later one before publishing.",
        persian: "زمان پایان نظرسنجی گذشته است؛ پیش از انتشار زمان دیرتری بگذارید.")

    public static let surveyNotInAudience = DomainError(
        kind: .forbidden, code: "survey.not_in_audience",
        english: "This survey is not addressed to you.",
        persian: "این نظرسنجی برای شما نیست.")

    public static let surveyAlreadyAnswered = DomainError(
        kind: .conflict, code: "survey.already_answered",
        english: "You have answered this survey, and it does not allow changing a response.",
        persian: "شما به این نظرسنجی پاسخ داده‌اید و امکان ویرایش پاسخ در آن نیست.")

    /// An anonymous survey answered without a pseudonym, or a named one with one: a fault of
    /// the caller, never of the respondent.
    public static let surveyPseudonymMismatch = DomainError(
        kind: .conflict, code: "survey.pseudonym_mismatch",
        english: "An anonymous survey is answered under a pseudonym, and a named survey without one.",
        persian: "نظرسنجی بی‌نام با نام مستعار پاسخ داده می‌شود و نظرسنجی بانام بدون آن.")

    /// A definition that cannot be published as it is: each problem names its field.
    public static func surveyDefinitionInvalid(_ problems: [DomainError]) -> DomainError {
        DomainError(
            kind: .invalid, code: "survey.definition_invalid",
            english: "The survey cannot be saved: " + problems.map(\.englishMessage).joined(separator: " "),
            persian: "نظرسنجی ذخیره نشد: " + problems.map(\.persianMessage).joined(separator: " "),
            details: problems)
    }

    /// A response with wrong answers: one detail per question, with the field `answers.<id>`.
    public static func surveyAnswersInvalid(_ problems: [DomainError]) -> DomainError {
        DomainError(
            kind: .invalid, code: "survey.answers_invalid",
            english: "\(problems.count) answer(s) need attention: " + problems.map(\.englishMessage).joined(separator: " "),
            persian: "\(Digits.persian(problems.count)) پاسخ نیاز به اصلاح دارد: " + problems.map(\.persianMessage).joined(separator: " "),
            details: problems)
    }

    static func definitionProblem(_ field: String, _ english: String, _ persian: String) -> DomainError {
        DomainError(kind: .invalid, code: "survey.definition_invalid", field: field, english: english, persian: persian)
    }

    static func answerProblem(_ questionId: String, _ english: String, _ persian: String) -> DomainError {
        DomainError(kind: .invalid, code: "survey.answer_invalid", field: "answers.\(questionId)", english: english, persian: persian)
    }
}
