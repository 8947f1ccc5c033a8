import Foundation
import HadafEvents

/// A number typed into a form, in Persian, Arabic-Indic or Latin digits; a text that is no
/// number is refused beside its field.
enum FormNumber {
    /// A whole number, with or without thousands separators.
    static func whole(_ text: String, field: String) throws(Problem) -> Int64 {
        let digits = Digits.latin(text).filter { $0 != "," && $0 != "٬" && $0 != " " }
        guard let value = Int64(digits) else {
            throw .malformedForm(field: field, english: "'\(text)' is not a whole number.", persian: "«\(text)» عدد درست نیست.")
        }
        return value
    }

    /// A number with an optional fraction, after `.` or the Persian decimal separator `٫`.
    static func decimal(_ text: String, field: String) throws(Problem) -> Double {
        guard let value = Double(Digits.latin(text).replacingOccurrences(of: "٫", with: ".")) else {
            throw .malformedForm(field: field, english: "'\(text)' is not a number.", persian: "«\(text)» عدد نیست.")
        }
        return value
    }
}
