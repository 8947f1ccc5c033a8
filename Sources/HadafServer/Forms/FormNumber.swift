import Foundation
import HadafEvents

/// A number typed into a form, in Persian, Arabic-Indic or Latin digits; a text that is no
/// number is refused beside its field.
enum FormNumber {
    /// A whole number, with or without thousands separators; white space and invisible
    /// characters (a ZWNJ, a bidi mark) anywhere in it are dropped, as ``Digits/compact(_:)`` does.
    static func whole(_ text: String, field: String) throws(Problem) -> Int64 {
        let digits = Digits.compact(text).filter { $0 != "," && $0 != "٬" }
        guard let value = Int64(digits) else {
            throw .malformedForm(field: field, english: "'\(text)' is not a whole number.", persian: "«\(text)» عدد درست نیست.")
        }
        return value
    }

    /// A number with an optional fraction, after `.` or the Persian decimal separator `٫`.
    static func decimal(_ text: String, field: String) throws(Problem) -> Double {
        guard let value = Double(Digits.compact(text).replacingOccurrences(of: "٫", with: ".")), value.isFinite else {
            throw .malformedForm(field: field, english: "'\(text)' is not a number.", persian: "«\(text)» عدد نیست.")
        }
        return value
    }
}

extension FormNumber {
    /// An academic year typed into a form (`1404`, `۱۴۰۴-۱۴۰۵`), within the platform's window;
    /// `fallback` when the field is missing or empty.
    static func academicYear(_ text: String?, field: String, fallback: Int) throws(Problem) -> Int {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return fallback }
        guard let year = AcademicYear(text) else {
            let range = AcademicYear.plausibleStartYears
            throw .malformedForm(
                field: field, english: "'\(text)' is not an academic year from \(range.lowerBound) to \(range.upperBound), such as 1404 or 1404-1405.",
                persian: "«\(text)» سال تحصیلی‌ای از \(Digits.persian(range.lowerBound)) تا \(Digits.persian(range.upperBound)) مانند ۱۴۰۴ یا ۱۴۰۴-۱۴۰۵ نیست.")
        }
        return year.startYear
    }
}
