import EventStore
import HadafEvents
import Foundation

extension DomainError {
    public static let regulationNotFound = DomainError(
        kind: .notFound, code: "regulation.not_found", english: "There is no such regulation.", persian: "چنین آیین‌نامه‌ای وجود ندارد.")

    public static let regulationAlreadyPublished = DomainError(
        kind: .conflict, code: "regulation.already_published",
        english: "This regulation is published; later versions come from review rounds.",
        persian: "این آیین‌نامه منتشر شده است؛ نسخه‌های بعدی از دوره‌های بازبینی می‌آیند.")

    public static let articlesMisnumbered = DomainError(
        kind: .conflict, code: "regulation.articles_misnumbered", field: "articles",
        english: "Articles must be numbered 1, 2, 3, … in order.",
        persian: "ماده‌ها باید به ترتیب ۱، ۲، ۳، … شماره‌گذاری شوند.")

    public static func articleNotFound(_ number: Int) -> DomainError {
        DomainError(
            kind: .notFound, code: "article.not_found", field: "article",
            english: "The regulation has no article \(number).",
            persian: "این آیین‌نامه ماده \(Digits.persian(number)) ندارد.")
    }

    public static let reviewAlreadyOpen = DomainError(
        kind: .conflict, code: "review.already_open",
        english: "A review round is already open; finalise it first.",
        persian: "یک دوره بازبینی باز است؛ نخست آن را جمع‌بندی کنید.")

    public static let reviewNotOpen = DomainError(
        kind: .conflict, code: "review.not_open",
        english: "No review round is open for this regulation.",
        persian: "دوره بازبینی بازی برای این آیین‌نامه نیست.")

    public static func reviewDeadlinePassed(_ deadline: Date) -> DomainError {
        DomainError(
            kind: .conflict, code: "review.deadline_passed",
            english: "The review deadline (\(JalaliDate(deadline))) has passed.",
            persian: "مهلت بازبینی (\(JalaliDate(deadline).persianText)) گذشته است.")
    }

    public static func reviewDeadlineNotPassed(_ deadline: Date) -> DomainError {
        DomainError(
            kind: .conflict, code: "review.deadline_not_passed",
            english: "Contributions are open until \(JalaliDate(deadline)); answer and finalise after that.",
            persian: "مشارکت‌ها تا \(JalaliDate(deadline).persianText) باز است؛ پاسخ و جمع‌بندی پس از آن.")
    }

    public static let reviewNotInAudience = DomainError(
        kind: .forbidden, code: "review.not_in_audience",
        english: "This review round is not open to you.",
        persian: "این دوره بازبینی برای شما باز نیست.")

    public static let contributionNotFound = DomainError(
        kind: .notFound, code: "contribution.not_found", english: "There is no such comment or proposal.", persian: "چنین نظر یا پیشنهادی وجود ندارد.")

    public static let contributionWithdrawn = DomainError(
        kind: .conflict, code: "contribution.withdrawn", english: "That comment or proposal was withdrawn.", persian: "آن نظر یا پیشنهاد پس گرفته شده است.")

    public static func contributionIdTaken(_ id: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "contribution.id_taken", field: "contributionId",
            english: "The id '\(id)' belongs to another comment or proposal.",
            persian: "شناسه «\(id)» از آنِ نظر یا پیشنهاد دیگری است.")
    }

    public static let cannotEndorseOwnProposal = DomainError(
        kind: .conflict, code: "proposal.own_endorsement",
        english: "You cannot endorse your own proposal.",
        persian: "نمی‌توانید پیشنهاد خودتان را تأیید کنید.")

    public static func proposalsUnanswered(_ ids: [String]) -> DomainError {
        DomainError(
            kind: .conflict, code: "review.proposals_unanswered",
            english: "\(ids.count) proposal(s) still need an answer: \(ids.joined(separator: ", ")).",
            persian: "\(Digits.persian(ids.count)) پیشنهاد هنوز پاسخ نگرفته است: \(ids.joined(separator: "، ")).")
    }

    public static func nextVersionRequired(_ carried: [String]) -> DomainError {
        DomainError(
            kind: .conflict, code: "review.next_version_required", field: "nextArticles",
            english: "Proposals were adopted (\(carried.joined(separator: ", "))): publish the next version's text with the finalisation.",
            persian: "پیشنهادهایی پذیرفته شده است (\(carried.joined(separator: "، "))): متن نسخه بعد را همراه جمع‌بندی منتشر کنید.")
    }
}
