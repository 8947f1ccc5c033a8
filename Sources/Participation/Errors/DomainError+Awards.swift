import EventStore
import HadafEvents

extension DomainError {
    /// A stream name that reads as a numbered stream but is not written as the commands write
    /// it (``CanonicalStream``).
    public static func streamNotCanonical(_ stream: String, _ reason: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "stream.not_canonical", field: "stream",
            english: "The stream name is not canonical: \(reason).",
            persian: "نام جریان «\(stream)» به شکل استاندارد نوشته نشده است.")
    }

    public static let awardNotFound = DomainError(
        kind: .notFound, code: "award.not_found", field: "awardId", english: "There is no such award.", persian: "چنین جایزه یا مشوقی صادر نشده است.")

    public static func awardNotEligible(_ recipient: String, _ kind: AwardKind, year: Int) -> DomainError {
        DomainError(
            kind: .invalid, code: "award.not_eligible", field: "recipient",
            english: "'\(recipient)' is not eligible for a \(kind.englishName) in \(year) under that year's policy.",
            persian: "«\(recipient)» در سال \(Digits.persian(year)) طبق آیین‌نامه همان سال شایسته «\(kind.persianName)» نیست.")
    }

    public static func awardAlreadyIssued(_ kind: AwardKind, existing awardId: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "award.already_issued", field: "kind",
            english: "This \(kind.englishName) was already issued for the year (award \(awardId)); revoke it first to issue it again.",
            persian: "«\(kind.persianName)» برای این سال پیش‌تر صادر شده است (\(awardId))؛ برای صدور دوباره، نخست آن را لغو کنید.")
    }

    public static func awardAmountRequired(_ kind: AwardKind) -> DomainError {
        DomainError(
            kind: .invalid, code: "award.amount_required", field: "rials",
            english: "A \(kind.englishName) needs an amount in rials above zero and a budget line.",
            persian: "«\(kind.persianName)» به مبلغی بیش از صفر ریال و یک ردیف بودجه نیاز دارد.")
    }

    public static func awardAmountNotAllowed(_ kind: AwardKind) -> DomainError {
        DomainError(
            kind: .invalid, code: "award.amount_not_allowed", field: "rials",
            english: "A \(kind.englishName) carries no amount and no budget line.",
            persian: "«\(kind.persianName)» مبلغ و ردیف بودجه ندارد.")
    }

    public static func awardAbovePrize(_ rials: Int64, prize: Int64) -> DomainError {
        DomainError(
            kind: .invalid, code: "award.above_prize", field: "rials",
            english: "\(rials) rials is more than the recipient's share of the prize (\(prize) rials).",
            persian: "\(Digits.persian(rials)) ریال بیش از سهم دریافت‌کننده از جایزه (\(Digits.persian(prize)) ریال) است.")
    }

    public static func awardPromotionPointsInvalid(maximum: Double?) -> DomainError {
        DomainError(
            kind: .invalid, code: "award.promotion_points_invalid", field: "promotionPoints",
            english: "An Article-1 statement needs promotion points above zero and at most the bylaw's cap (\(maximum.map { "\($0)" } ?? "none set")).",
            persian: "گواهی ماده ۱ به امتیازی بیش از صفر و حداکثر برابر سقف آیین‌نامه (\(maximum.map { Digits.persian("\($0)") } ?? "تعیین نشده")) نیاز دارد.")
    }

    public static func budgetLineUnknown(_ lineId: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "budget.line_unknown", field: "budgetLine",
            english: "There is no budget line '\(lineId)' for this university and year.",
            persian: "ردیف بودجه «\(lineId)» برای این دانشگاه و سال وجود ندارد.")
    }

    public static func budgetExceeded(_ lineId: String, remaining: Int64, asked: Int64) -> DomainError {
        DomainError(
            kind: .conflict, code: "budget.exceeded", field: "rials",
            english: "Budget line '\(lineId)' has \(remaining) rials left; \(asked) were asked.",
            persian: "در ردیف بودجه «\(lineId)» \(Digits.persian(remaining)) ریال مانده است و \(Digits.persian(asked)) ریال درخواست شده است.")
    }

    public static func budgetAllocationInvalid(field: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "budget.invalid", field: field,
            english: "A budget allocation needs a line id, a title and an amount above zero rials.",
            persian: "تخصیص بودجه به شناسه ردیف، عنوان و مبلغی بیش از صفر ریال نیاز دارد.")
    }

    public static let awardNotAwaitingApproval = DomainError(
        kind: .conflict, code: "award.not_awaiting_approval", field: "awardId",
        english: "This award does not await a second officer's approval.",
        persian: "این مشوق در انتظار تأیید کارشناس دوم نیست.")

    public static let awardSecondOfficerRequired = DomainError(
        kind: .conflict, code: "award.second_officer_required",
        english: "The officer who issued the award cannot also approve it: a second officer must.",
        persian: "کارشناسی که مشوق را صادر کرده نمی‌تواند آن را تأیید کند؛ تأیید با کارشناس دوم است.")

    public static let awardRevoked = DomainError(
        kind: .conflict, code: "award.revoked", field: "awardId", english: "The award has been revoked.", persian: "این مشوق لغو شده است.")

    public static let awardRecipientUnknown = DomainError(
        kind: .invalid, code: "award.recipient_unknown", field: "recipient",
        english: "The recipient is not a registered participant, student group or university.",
        persian: "دریافت‌کننده شرکت‌کننده، تشکل دانشجویی یا دانشگاه ثبت‌شده‌ای نیست.")

    public static let awardStandingUnavailable = DomainError(
        kind: .conflict, code: "award.standing_unavailable",
        english: "Awards cannot be issued here: the ledger that says who is eligible is not at hand.",
        persian: "صدور مشوق در اینجا ممکن نیست: دفتر امتیازها که شایستگی را نشان می‌دهد در دسترس نیست.")
}

extension DomainError {
    public static let awardNotInForce = DomainError(
        kind: .conflict, code: "award.not_in_force", field: "awardId",
        english: "The award is revoked or still awaits a second officer: it has no certificate.",
        persian: "این مشوق لغو شده یا هنوز در انتظار تأیید کارشناس دوم است و گواهی ندارد.")
}
