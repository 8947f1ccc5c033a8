import Foundation

/// A day of the Solar Hijri (Jalali) calendar, as Iranians date everything.
///
/// Instants are stored in UTC; a day is always the day in Asia/Tehran, so an act at 23:00 UTC
/// on 20 March belongs to the Tehran day after it.
public struct JalaliDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The Persian month names, Farvardin first.
    public static let monthNames = [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]

    /// The Solar Hijri calendar in Asia/Tehran, from Foundation.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .persian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran")!
        return calendar
    }()

    /// A date from its parts; nil when no such day exists (e.g. 30 Esfand of a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day),
              let start = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)),
              Self.calendar.dateComponents([.year, .month, .day], from: start) == DateComponents(year: year, month: month, day: day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Tehran day on which `instant` falls.
    public init(_ instant: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: instant)
        year = parts.year!
        month = parts.month!
        day = parts.day!
    }

    /// Midnight at the start of this day in Tehran.
    public var start: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// Whether the year has 366 days (Esfand has 30).
    public static func isLeapYear(_ year: Int) -> Bool {
        JalaliDate(year: year, month: 12, day: 30) != nil
    }

    /// `1405-08-30`, with Latin digits, for data.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `۳۰ آبان ۱۴۰۵`, for people.
    public var persianText: String {
        "\(Digits.persian(day)) \(Self.monthNames[month - 1]) \(Digits.persian(year))"
    }

    public static func < (lhs: JalaliDate, rhs: JalaliDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
