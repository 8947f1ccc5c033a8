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

    /// Reads a body; a field whose escapes are not valid UTF-8 is named in the error. The body
    /// is split on its bytes: `&`, `=`, `+` and `%` are ASCII, and splitting a `String` by
    /// characters walks grapheme clusters, which showed as a twentieth of a form request.
    init(urlEncoded body: String) throws(Problem) {
        for pair in body.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else {
                throw .malformedForm(
                    field: String(decoding: parts[0], as: UTF8.self), english: "A field name in the form is not valid text.",
                    persian: "نام یکی از فیلدهای فرم متن معتبری نیست.")
            }
            guard let value = parts.count > 1 ? Self.decode(parts[1]) : "" else {
                throw .malformedForm(field: name, english: "The field '\(name)' is not valid text.", persian: "فیلد «\(name)» متن معتبری نیست.")
            }
            append(name, value)
        }
    }

    /// `+` as a space and `%XX` as a byte, over the UTF-8 bytes; nil for a broken escape or
    /// bytes that are not UTF-8. (Foundation's `removingPercentEncoding` showed as an eighth of
    /// a form request's samples in a profile.)
    private static func decode(_ raw: some Collection<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The field's first value, when present.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// The field's value, which must be present and not blank.
    func required(_ name: String) throws(Problem) -> String {
        // Any scalar that is not white space (Unicode's White_Space, as Foundation's
        // `whitespacesAndNewlines` counts it), without trimming a copy of the text.
        guard let value = self[name], value.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw .malformedForm(field: name, english: "The field '\(name)' is required.", persian: "پر کردن فیلد «\(name)» لازم است.")
        }
        return value
    }
}
