import Foundation

extension JSONValue {
    /// The value in the JSON Canonicalization Scheme (RFC 8785): no whitespace, object members
    /// sorted by the UTF-16 code units of their keys, strings with only the escapes JSON
    /// requires. What is signed must serialise to the same bytes wherever it is checked.
    ///
    /// Integral numbers are written as integers; others in Swift's shortest round-trip form,
    /// which agrees with RFC 8785 for the values HADAF signs.
    public var canonicalText: String {
        var output = ""
        appendCanonical(to: &output)
        return output
    }

    private func appendCanonical(to output: inout String) {
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .number(value):
            if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { output += String(Int64(value)) } else { output += "\(value)" }
        case let .string(value): Self.appendCanonical(value, to: &output)
        case let .array(values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.appendCanonical(to: &output)
            }
            output += "]"
        case let .object(object):
            output += "{"
            let members = object.members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                Self.appendCanonical(member.key, to: &output)
                output += ":"
                member.value.appendCanonical(to: &output)
            }
            output += "}"
        }
    }

    private static func appendCanonical(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{09}": output += "\\t"
            case "\u{0A}": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\u{0D}": output += "\\r"
            case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// An object of these members, in this order.
    public static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members: members.map { JSONObject.Member(key: $0.key, value: $0.value) }))
    }

    /// The object without the member named `key` (itself when it is not an object).
    public func removing(_ key: String) -> JSONValue {
        guard case let .object(object) = self else { return self }
        return .object(JSONObject(members: object.members.filter { $0.key != key }))
    }

    /// The value of member `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(object) = self else { return nil }
        return object[key]
    }

    /// The string, when this is one.
    public var stringValue: String? {
        guard case let .string(value) = self else { return nil }
        return value
    }
}
