import Foundation

/// An academic year: from 1 Mehr to the last day of Shahrivar, written `1404-1405`.
///
/// Incentive policies, caps and festivals are per academic year; an act belongs to the year
/// of its Tehran day.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The Jalali year in which it starts (1404 for 1404-1405).
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The academic year of a Tehran day.
    public init(_ date: JalaliDate) {
        startYear = date.month >= 7 ? date.year : date.year - 1
    }

    /// The academic year in which `instant` falls.
    public init(containing instant: Date) {
        self.init(JalaliDate(instant))
    }

    /// Parses `1404`, `1404-1405` or `۱۴۰۴-۱۴۰۵`; nil for anything else.
    public init?(_ text: String) {
        let parts = Digits.latin(text).split(separator: "-").map { Int($0) }
        switch parts.count {
        case 1: guard let start = parts[0] else { return nil }; startYear = start
        case 2: guard let start = parts[0], parts[1] == start + 1 else { return nil }; startYear = start
        default: return nil
        }
    }

    /// 1 Mehr of its first year, 00:00 in Tehran.
    public var start: Date { JalaliDate(year: startYear, month: 7, day: 1)!.start }

    /// 1 Mehr of the next academic year: the first instant after this one.
    public var end: Date { AcademicYear(startYear: startYear + 1).start }

    /// `1404-1405`.
    public var description: String { "\(startYear)-\(startYear + 1)" }

    /// `۱۴۰۴-۱۴۰۵`.
    public var persianText: String { Digits.persian(description) }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.startYear < rhs.startYear }
}
