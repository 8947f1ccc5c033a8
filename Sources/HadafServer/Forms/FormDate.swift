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
}
