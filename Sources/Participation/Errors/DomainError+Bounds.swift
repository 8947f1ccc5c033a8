import EventStore
import HadafEvents

/// Refusals of values outside the documented bounds (docs/server.md, "Limits"): each names the
/// field and the range, so a form shows it beside the field and a script knows what to send.
extension DomainError {
    /// An amount in rials below zero, above ``Rials/maximum``, or bringing a total above it.
    public static func rialsOutOfRange(field: String, _ rials: Int64, total: Int64? = nil) -> DomainError {
        let limit = Rials.maximum
        let english = total.map { "\(rials) rials on top of \($0) would pass the ceiling of \(limit) rials" } ?? "\(rials) rials is outside 1 to \(limit) rials"
        let persian = total.map { "\(Digits.persian(rials)) ریال افزون بر \(Digits.persian($0)) ریال از سقف \(Digits.persian(limit)) ریال می‌گذرد" }
            ?? "\(Digits.persian(rials)) ریال بیرون از بازه ۱ تا \(Digits.persian(limit)) ریال است"
        return DomainError(kind: .invalid, code: "value.out_of_range", field: field, english: "\(english).", persian: "\(persian).")
    }

    /// An academic year outside ``AcademicYear/plausibleStartYears``.
    public static func yearOutOfRange(field: String, _ year: Int) -> DomainError {
        let range = AcademicYear.plausibleStartYears
        return DomainError(
            kind: .invalid, code: "value.out_of_range", field: field,
            english: "\(year) is not an academic year HADAF accepts (\(range.lowerBound) to \(range.upperBound)).",
            persian: "\(Digits.persian(year)) سال تحصیلی پذیرفته در هدف نیست (\(Digits.persian(range.lowerBound)) تا \(Digits.persian(range.upperBound))).")
    }

    /// A number outside the range its field allows.
    public static func numberOutOfRange(field: String, _ value: String, range: ClosedRange<Int>) -> DomainError {
        DomainError(
            kind: .invalid, code: "value.out_of_range", field: field,
            english: "\(value) is outside \(range.lowerBound) to \(range.upperBound).",
            persian: "\(Digits.persian(value)) بیرون از بازه \(Digits.persian(range.lowerBound)) تا \(Digits.persian(range.upperBound)) است.")
    }

    /// A control character or a bidi override in a text field.
    public static func unprintableCharacter(field: String, scalar: Unicode.Scalar) -> DomainError {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
        return DomainError(
            kind: .invalid, code: "text.unprintable", field: field,
            english: "The text holds \(code), a control or direction-override character that nobody types; remove it.",
            persian: "متن نویسه \(code) دارد که نویسه کنترلی یا واژگون‌کننده جهت است و کسی آن را تایپ نمی‌کند؛ آن را بردارید.")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
