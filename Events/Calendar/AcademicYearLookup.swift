import Foundation

/// The academic year of instants given in milliseconds since 1970, remembering the bounds of
/// the last year found.
///
/// A projection asks the year of every act it scores, and the log's acts come roughly in time
/// order: almost every question falls in the year answered just before, which this answers with
/// two comparisons instead of a Jalali conversion.
public struct AcademicYearLookup: Sendable {
    private var last: (startYear: Int, start: Int64, end: Int64)?

    public init() {}

    /// The start year of the academic year containing the instant.
    public mutating func startYear(containingMilliseconds milliseconds: Int64) -> Int {
        if let last, milliseconds >= last.start, milliseconds < last.end { return last.startYear }
        let year = AcademicYear(containing: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        last = (year.startYear, Self.milliseconds(year.start), Self.milliseconds(year.end))
        return year.startYear
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
