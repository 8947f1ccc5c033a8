import EventStore
import Foundation

extension DomainError {
    public static let submissionNotFound = DomainError(
        kind: .notFound, code: "submission.not_found", english: "There is no such submission.", persian: "چنین ارسالی وجود ندارد.")

    public static func submissionIdTaken(_ id: String) -> DomainError {
        DomainError(kind: .conflict, code: "submission.id_taken", field: "submissionId", english: "The submission id '\(id)' is in use.", persian: "شناسه «\(id)» پیش‌تر به کار رفته است.")
    }

    /// What was attempted on a submission in the wrong status.
    public enum SubmissionAction: Sendable {
        case revise, submit, withdraw, screen

        var english: String {
            switch self {
            case .revise: "revised"
            case .submit: "submitted"
            case .withdraw: "withdrawn"
            case .screen: "screened"
            }
        }

        var persian: String {
            switch self {
            case .revise: "ویرایش کرد"
            case .submit: "ارسال کرد"
            case .withdraw: "پس گرفت"
            case .screen: "بررسی کرد"
            }
        }
    }

    public static func submissionStatus(_ status: Submission.Status, action: SubmissionAction) -> DomainError {
        DomainError(
            kind: .conflict, code: "submission.wrong_status",
            english: "A submission that is \(status.english) cannot be \(action.english).",
            persian: "ارسالی در وضعیت «\(status.persian)» را نمی‌توان \(action.persian).")
    }

    public static let sharesInvalid = DomainError(
        kind: .invalid, code: "submission.shares_invalid", field: "authors",
        english: "Authors' shares must each be 1 to 100 and add up to 100.",
        persian: "سهم هر همکار باید بین ۱ تا ۱۰۰ باشد و جمع سهم‌ها ۱۰۰ شود.")

    public static let authorRepeated = DomainError(
        kind: .invalid, code: "submission.author_repeated", field: "authors",
        english: "An author is listed twice.", persian: "همکاری دو بار آمده است.")

    public static let submitterNotAuthor = DomainError(
        kind: .invalid, code: "submission.submitter_not_author", field: "authors",
        english: "The submitter (or the group they represent) must be among the authors.",
        persian: "ارسال‌کننده (یا تشکلی که نماینده آن است) باید از پدیدآورندگان باشد.")

    public static func submissionIncomplete(_ problems: [DomainError]) -> DomainError {
        DomainError(
            kind: .invalid, code: "submission.incomplete",
            english: "The submission is not complete: " + problems.map(\.englishMessage).joined(separator: " "),
            persian: "ارسال کامل نیست: " + problems.map(\.persianMessage).joined(separator: " "),
            details: problems)
    }

    public static let experienceDatesInvalid = DomainError(
        kind: .invalid, code: "experience.dates_invalid", field: "endedOn",
        english: "An experience must have ended, after it started.",
        persian: "تجربه باید به پایان رسیده باشد و پایان آن پس از آغازش باشد.")

    public static func evidenceInvalid(_ fileName: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "evidence.invalid", field: "evidence",
            english: "The attachment '\(fileName)' is not referenced by a SHA-256 hash of its content.",
            persian: "پیوست «\(fileName)» با چکیده SHA-256 محتوایش نشان داده نشده است.")
    }

    public static let screeningOtherUniversity = DomainError(
        kind: .forbidden, code: "screening.other_university",
        english: "A university's deputy screens only its own university's submissions.",
        persian: "معاونت هر دانشگاه تنها ارسال‌های دانشگاه خود را بررسی می‌کند.")

    public static func ideaNotFound(_ id: String) -> DomainError {
        DomainError(kind: .notFound, code: "submission.idea_not_found", field: "carriesOutIdea", english: "There is no idea '\(id)'.", persian: "ایده‌ای با شناسه «\(id)» نیست.")
    }

}
