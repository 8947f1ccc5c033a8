import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, as typed (percent-decoded, `+`
/// as a space), each name with its values in order.
struct FormFields: Sendable {
    private(set) var values: [String: [String]] = [:]

    init() {}

    /// Adds a value to a field, after any it has.
    mutating func append(_ name: String, _ value: String) {
        values[name, default: []].append(value)
    }

    /// Reads a body; a field whose escapes are not valid UTF-8 is named in the error.
    init(urlEncoded body: String) throws(Problem) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawName = String(parts[0]).replacingOccurrences(of: "+", with: " ")
            let rawValue = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "+", with: " ") : ""
            guard let name = rawName.removingPercentEncoding else {
                throw .malformedForm(field: rawName, english: "A field name in the form is not valid text.", persian: "نام یکی از فیلدهای فرم متن معتبری نیست.")
            }
            guard let value = rawValue.removingPercentEncoding else {
                throw .malformedForm(field: name, english: "The field '\(name)' is not valid text.", persian: "فیلد «\(name)» متن معتبری نیست.")
            }
            append(name, value)
        }
    }

    /// The field's first value, when present.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// The field's value, which must be present and not blank.
    func required(_ name: String) throws(Problem) -> String {
        guard let value = self[name], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .malformedForm(field: name, english: "The field '\(name)' is required.", persian: "پر کردن فیلد «\(name)» لازم است.")
        }
        return value
    }
}
