import Foundation
import HadafEvents

/// A day typed into a form: Jalali (`1405/07/18`, in any digits) as Persian users write it, or
/// Gregorian (`2026-10-10`) as a date picker sends it; the instant is the day's start in Tehran.
enum FormDate {
    static func parse(_ text: String) -> Date? {
        let parts = Digits.latin(text).trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "/" || $0 == "-" }).compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        if parts[0] < 1700 { return JalaliDate(year: parts[0], month: parts[1], day: parts[2])?.start }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    /// The start of the day in the required field `name`; a text that is no date is refused
    /// beside the field.
    static func required(_ name: String, in fields: FormFields) throws(Problem) -> Date {
        let text = try fields.required(name)
        guard let date = parse(text) else {
            throw .malformedForm(field: name, english: "'\(text)' is not a date such as 1405/07/18 or 2026-10-10.", persian: "«\(text)» تاریخی مانند ۱۴۰۵/۰۷/۱۸ نیست.")
        }
        return date
    }

    /// The end of the day in the required field `name` (the next day's start, Tehran keeping no
    /// summer time since 1401): a deadline typed as a day runs to its end.
    static func endOfDay(_ name: String, in fields: FormFields) throws(Problem) -> Date {
        try required(name, in: fields).addingTimeInterval(24 * 3600)
    }

    /// `instant`'s Jalali day as an officer types it, `۱۴۰۵/۱۰/۳۰`.
    static func typed(_ instant: Date) -> String {
        let day = JalaliDate(instant)
        return Digits.persian(String(format: "%04d/%02d/%02d", day.year, day.month, day.day))
    }
}
