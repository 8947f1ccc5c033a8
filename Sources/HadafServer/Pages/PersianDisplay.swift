import EventStore
import Foundation
import HadafEvents

/// How figures, dates and codes read on a page: Persian digits, Jalali dates, Persian names.
enum PersianDisplay {
    /// A number with Persian digits, its decimals (at most two) after the Persian separator.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded).replacingOccurrences(of: ".", with: "٫")
        return Digits.persian(text.hasSuffix("0") && text.contains("٫") ? String(text.dropLast()) : text)
    }

    /// An amount in rials with Persian digits in groups of three: `۴۰۰٬۰۰۰٬۰۰۰ ریال`.
    static func rials(_ amount: Int64) -> String {
        var digits = String(amount.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (amount < 0 ? "−" : "") + Digits.persian(groups.joined(separator: "٬")) + " ریال"
    }

    /// The Jalali day of an instant, e.g. `۳۰ آبان ۱۴۰۵`.
    static func date(_ instant: Date) -> String {
        JalaliDate(instant).persianText
    }

    /// The last Jalali day before a deadline: a deadline typed as a day is that day's end,
    /// which is the next day's first instant.
    static func lastDay(before deadline: Date) -> String {
        date(deadline.addingTimeInterval(-1))
    }

    /// The Jalali day of the act at `position` (``RecordedEvent/actedAt``); empty when there is none.
    static func day(ofPosition position: Int64, in store: EventStore) throws -> String {
        try store.read(from: position, limit: 1).first.map { date($0.actedAt) } ?? ""
    }

    /// A submission's status in the catalogue.
    static func status(_ code: String) -> String {
        switch code {
        case "draft": "پیش‌نویس"
        case "submitted": "در انتظار بررسی"
        case "returned": "بازگشت برای اصلاح"
        case "accepted": "پذیرفته برای داوری"
        case "rejected": "ردشده"
        case "withdrawn": "پس‌گرفته"
        default: code
        }
    }

    /// A festival's stage.
    static func festivalStage(_ code: String) -> String {
        switch code {
        case "call_open": "فراخوان باز است"
        case "judging": "در حال داوری"
        case "announced": "برگزیدگان اعلام شده‌اند"
        default: code
        }
    }

    /// `idea` or `experience`.
    static func kind(_ code: String) -> String {
        code == "idea" ? "ایده" : code == "experience" ? "تجربه" : code
    }

    /// What a ledger rule rewards.
    static func rule(_ id: String) -> String {
        switch id {
        case "survey.answered": "پاسخ به نظرسنجی"
        case "regulation.comment": "نظر بر ماده آیین‌نامه"
        case "regulation.amendment_proposed": "پیشنهاد اصلاح"
        case "regulation.amendment_adopted": "پذیرش پیشنهاد اصلاح"
        case "regulation.amendment_partly_adopted": "پذیرش بخشی از پیشنهاد"
        case "endorsement.received": "تأیید پیشنهاد از سوی دیگران"
        case "idea.submitted": "ارسال ایده"
        case "idea.accepted": "پذیرش ایده برای داوری"
        case "experience.accepted": "پذیرش تجربه"
        case "festival.winner": "برگزیدگی در جشنواره سالانه"
        default: id
        }
    }
}
