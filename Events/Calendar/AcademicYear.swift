import Foundation

/// An academic year: from 1 Mehr to the last day of Shahrivar, written `1404-1405`.
///
/// Incentive policies, caps and festivals are per academic year; an act belongs to the year
/// of its Tehran day.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The Jalali start years the platform accepts from people: 1300 (1921) to 1500 (2121).
    ///
    /// A year outside is a typing mistake or an attack, never an academic year of HADAF's. Every
    /// year typed into a form, a query, a command or the CLI is checked against it, and the
    /// reading of stored events too, so that no arithmetic on a year can overflow.
    public static let plausibleStartYears: ClosedRange<Int> = 1300...1500

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

    /// Parses `1404`, `1404-1405` or `۱۴۰۴-۱۴۰۵` (Persian, Arabic-Indic or Latin digits, with
    /// invisible characters a phone adds ignored); nil for anything else, and for a year outside
    /// ``plausibleStartYears``. A sign is never part of a year: `-1` and `+1404` are refused.
    public init?(_ text: String) {
        let parts = Digits.compact(text).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let start = Int(parts[0]), Self.plausibleStartYears.contains(start)
        else { return nil }
        if parts.count == 2 { guard Int(parts[1]) == start + 1 else { return nil } }
        startYear = start
    }

    /// The start year held within ``plausibleStartYears``, for the calendar arithmetic of a year
    /// read from an event that was never checked (a crafted log must not stop a page).
    private var calendarYear: Int { min(max(startYear, Self.plausibleStartYears.lowerBound), Self.plausibleStartYears.upperBound) }

    /// 1 Mehr of its first year, 00:00 in Tehran.
    public var start: Date { JalaliDate(year: calendarYear, month: 7, day: 1)!.start }

    /// 1 Mehr of the next academic year: the first instant after this one.
    public var end: Date { JalaliDate(year: calendarYear + 1, month: 7, day: 1)!.start }

    /// `1404-1405`.
    public var description: String {
        let (next, overflow) = startYear.addingReportingOverflow(1)
        return overflow ? "\(startYear)-" : "\(startYear)-\(next)"
    }

    /// `۱۴۰۴-۱۴۰۵`.
    public var persianText: String { Digits.persian(description) }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.startYear < rhs.startYear }
}
