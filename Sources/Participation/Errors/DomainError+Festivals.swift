import EventStore
import Foundation
import HadafEvents

extension DomainError {
    public static func festivalJurorUniversityDiffers(juror: String, known: [String]) -> DomainError {
        DomainError(
            kind: .conflict, code: "festival.juror_university_differs", field: "university",
            english: "Juror '\(juror)' was appointed from \(known.joined(separator: ", ")); an appointment naming another university is refused.",
            persian: "داور «\(juror)» پیش‌تر از دانشگاه \(known.joined(separator: "، ")) منصوب شده است؛ انتصاب با دانشگاه دیگر پذیرفته نیست.")
    }

    public static let festivalNotFound = DomainError(
        kind: .notFound, code: "festival.not_found", english: "There is no such festival.", persian: "چنین جشنواره‌ای وجود ندارد.")

    public static func festivalIdTaken(_ id: String) -> DomainError {
        DomainError(kind: .conflict, code: "festival.id_taken", field: "festivalId", english: "The festival id '\(id)' is in use.", persian: "شناسه «\(id)» پیش‌تر به کار رفته است.")
    }

    /// A call that cannot be opened: one detail per problem, naming its field.
    public static func festivalCallInvalid(_ problems: [DomainError]) -> DomainError {
        DomainError(
            kind: .invalid, code: "festival.call_invalid",
            english: "The festival call cannot be opened: " + problems.map(\.englishMessage).joined(separator: " "),
            persian: "فراخوان جشنواره گشوده نمی‌شود: " + problems.map(\.persianMessage).joined(separator: " "),
            details: problems)
    }

    public static func festivalCallProblem(field: String, english: String, persian: String) -> DomainError {
        DomainError(kind: .conflict, code: "festival.call_problem", field: field, english: english, persian: persian)
    }

    public static let festivalCallOpen = DomainError(
        kind: .conflict, code: "festival.call_open",
        english: "The call is still open: entries are confirmed, juries assigned and winners announced after it closes.",
        persian: "فراخوان هنوز باز است: پذیرش آثار، تعیین داوران و اعلام برگزیدگان پس از بسته شدن آن است.")

    public static let festivalCallClosed = DomainError(
        kind: .conflict, code: "festival.call_closed",
        english: "The call has closed: nominations are no longer accepted.",
        persian: "مهلت فراخوان به پایان رسیده است و نامزدی پذیرفته نمی‌شود.")

    public static let festivalAnnounced = DomainError(
        kind: .conflict, code: "festival.announced",
        english: "The winners have been announced: the festival's scores and entries are frozen.",
        persian: "برگزیدگان اعلام شده‌اند و امتیازها و آثار جشنواره دیگر تغییر نمی‌کند.")

    public static func festivalCategoryNotFound(_ id: String) -> DomainError {
        DomainError(kind: .conflict, code: "festival.category_not_found", field: "categoryId", english: "The festival has no category '\(id)'.", persian: "جشنواره رشته‌ای با شناسه «\(id)» ندارد.")
    }

    public static func festivalSectionNotFound(_ id: String) -> DomainError {
        DomainError(kind: .conflict, code: "festival.section_not_found", field: "sectionId", english: "The festival has no section '\(id)'.", persian: "جشنواره بخشی با شناسه «\(id)» ندارد.")
    }

    public static func festivalEntryNotFound(_ id: String) -> DomainError {
        DomainError(kind: .conflict, code: "festival.entry_not_found", field: "entryId", english: "The festival has no entry '\(id)'.", persian: "جشنواره اثری با شناسه «\(id)» ندارد.")
    }

    public static func festivalEntryElsewhere(_ id: String, category: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "festival.entry_elsewhere", field: "entryId",
            english: "'\(id)' is already an entry of the category '\(category)'.",
            persian: "«\(id)» پیش‌تر در رشته «\(category)» پذیرفته شده است.")
    }

    /// Why a submission cannot enter a category.
    public static func festivalEntryIneligible(_ id: String, english: String, persian: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "festival.entry_ineligible", field: "entryId",
            english: "'\(id)' cannot enter this category: \(english).",
            persian: "«\(id)» نمی‌تواند در این رشته شرکت کند: \(persian).")
    }

    public static func festivalEntryWithdrawn(_ id: String) -> DomainError {
        DomainError(kind: .conflict, code: "festival.entry_withdrawn", field: "entryId", english: "The entry '\(id)' was withdrawn.", persian: "اثر «\(id)» کنار گذاشته شده است.")
    }

    public static let festivalNotAJuror = DomainError(
        kind: .forbidden, code: "festival.not_a_juror",
        english: "Only a juror appointed to the entry's section may do this.",
        persian: "تنها داور منصوب در بخش این اثر می‌تواند این کار را انجام دهد.")

    public static let festivalNotAssigned = DomainError(
        kind: .forbidden, code: "festival.not_assigned",
        english: "The entry is not assigned to this juror.",
        persian: "این اثر به این داور سپرده نشده است.")

    /// An assignment or a score that would break a conflict-of-interest rule.
    public static func festivalConflict(juror: String, entry: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "festival.conflict_of_interest", field: "jurorId",
            english: "The juror '\(juror)' has a conflict of interest with the entry '\(entry)' (own university, own work or declared).",
            persian: "داور «\(juror)» با اثر «\(entry)» تعارض منافع دارد (دانشگاه خود، اثر خود یا اعلام‌شده).")
    }

    public static func festivalScoreInvalid(criterion: String, english: String, persian: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "festival.score_invalid", field: criterion,
            english: "The score for '\(criterion)' \(english).", persian: "امتیاز «\(criterion)» \(persian).")
    }

    public static func festivalSelectionInvalid(_ english: String, persian: String) -> DomainError {
        DomainError(kind: .invalid, code: "festival.selection_invalid", english: "The selection cannot be announced: \(english).", persian: "این فهرست اعلام‌شدنی نیست: \(persian).")
    }

    /// The read model the festival's acts read (for ledger points) failed.
    public static func readModelFailed(_ message: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "read_model.storage",
            english: "The read model could not be read: \(message).", persian: "مدل خواندنی خوانده نشد: \(message).")
    }

    public static let festivalPointsUnavailable = DomainError(
        kind: .conflict, code: "festival.points_unavailable",
        english: "This runner cannot read ledger points, which the category asks for; use the server or `hadaf exec`.",
        persian: "این اجراکننده امتیازهای دفتر را نمی‌خواند که این رشته لازم دارد؛ از سرور یا `hadaf exec` استفاده کنید.")

    public static let festivalSelectionUnavailable = DomainError(
        kind: .conflict, code: "festival.selection_unavailable",
        english: "This runner cannot compute a festival's selection; announce winners through the server or `hadaf exec`.",
        persian: "این اجراکننده نمی‌تواند برگزیدگان را محاسبه کند؛ از طریق سرور یا `hadaf exec` اعلام کنید.")
}
