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
        try enterContainer()
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; depth -= 1; return JSONObject(members: members) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("an object key must be a string") }
            let keyStart = index
            try scanString()
            let key = Self.decodeString(bytes, keyStart..<index)
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("':' was expected after an object key") }
            index += 1
            members.append(JSONObject.Member(key: key, value: try parseValue()))
            skipWhitespace()
            guard let next = peek() else { throw failure("an object is not closed") }
            index += 1
            if next == UInt8(ascii: "}") { depth -= 1; return JSONObject(members: members) }
            guard next == UInt8(ascii: ",") else { throw failure("',' or '}' was expected") }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> [JSONValue] {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; depth -= 1; return elements }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard let next = peek() else { throw failure("an array is not closed") }
            index += 1
            if next == UInt8(ascii: "]") { depth -= 1; return elements }
            guard next == UInt8(ascii: ",") else { throw failure("',' or ']' was expected") }
        }
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
