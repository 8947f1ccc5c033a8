extension JSONScanner {
    /// Reads one value, building it: the scanner's grammar and limits, with values kept.
    mutating func parseValue() throws(SyntaxError) -> JSONValue {
        skipWhitespace()
        let start = index
        guard let byte = peek() else { throw failure("a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""):
            try scanString()
            return .string(Self.decodeString(bytes, start..<index))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return .number(Self.number(UnsafeRawBufferPointer(rebasing: bytes[start..<index])))
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        default: throw failure("unexpected character '\(String(UnicodeScalar(byte)))'")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONObject {
        var members: [JSONObject.Member] = []
        try walkObject { scanner, key throws(SyntaxError) in
            members.append(JSONObject.Member(key: Self.decodeString(scanner.bytes, key), value: try scanner.parseValue()))
        }
        return JSONObject(members: members)
    }

    private mutating func parseArray() throws(SyntaxError) -> [JSONValue] {
        var elements: [JSONValue] = []
        try walkArray { scanner throws(SyntaxError) in elements.append(try scanner.parseValue()) }
        return elements
    }

    /// The value of number text the grammar accepted: plain integers exactly, others by `strtod`.
    private static func number(_ text: UnsafeRawBufferPointer) -> Double {
        if text.count < 16, !text.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            var value: Int64 = 0
            for byte in text where byte != UInt8(ascii: "-") { value = value * 10 + Int64(byte - UInt8(ascii: "0")) }
            return Double(text.first == UInt8(ascii: "-") ? -value : value)
        }
        return Double(String(decoding: text, as: UTF8.self)) ?? .nan
    }
}
