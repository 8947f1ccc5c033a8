import Foundation

/// A strict RFC 8259 reader over UTF-8 bytes that validates without building values.
///
/// The log stores payloads as given and hashes those exact bytes, so it needs to know that a
/// payload is well-formed JSON but never needs its values. Scanning bytes is also what lets an
/// import of a million lines keep pace with SQLite. Strings are checked for valid UTF-8 and
/// escapes; numbers for the JSON grammar; nesting is bounded.
struct JSONScanner {
    /// What a value is, as far as callers of ``scanValue()`` care.
    enum Kind: Equatable {
        case object, array, string, number, literal
    }

    /// Why the bytes are not JSON, with the byte offset where reading stopped.
    struct SyntaxError: Error, Equatable {
        let reason: String
        let offset: Int
    }

    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 256

    let bytes: UnsafeRawBufferPointer
    var index: Int
    var depth = 0

    init(_ bytes: UnsafeRawBufferPointer, from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var isAtEnd: Bool { index >= bytes.count }

    // MARK: - Reading values

    /// Reads one value after optional white space and returns its kind and byte range.
    mutating func scanValue() throws(SyntaxError) -> (kind: Kind, range: Range<Int>) {
        skipWhitespace()
        let start = index
        guard let byte = peek() else { throw failure("a value was expected") }
        let kind: Kind
        switch byte {
        case UInt8(ascii: "{"): try scanObject(); kind = .object
        case UInt8(ascii: "["): try scanArray(); kind = .array
        case UInt8(ascii: "\""): try scanString(); kind = .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber(); kind = .number
        case UInt8(ascii: "t"): try expectLiteral("true"); kind = .literal
        case UInt8(ascii: "f"): try expectLiteral("false"); kind = .literal
        case UInt8(ascii: "n"): try expectLiteral("null"); kind = .literal
        default: throw failure("unexpected character '\(printable(byte))'")
        }
        return (kind, start..<index)
    }

    /// Reads a whole document that must be one object, and calls `member` for each of its
    /// top-level members with the key's decoded text and the value's kind and range.
    mutating func scanObjectDocument(
        member: (_ key: String, _ kind: Kind, _ range: Range<Int>) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw failure("a JSON object must start with '{'") }
        try walkObject(unclosed: "the object is not closed") { scanner, key throws(SyntaxError) in
            let value = try scanner.scanValue()
            try member(Self.decodeString(scanner.bytes, key), value.kind, value.range)
        }
        skipWhitespace()
        guard isAtEnd else { throw failure("unexpected text after the object") }
    }

    // MARK: - Grammar

    private mutating func scanObject() throws(SyntaxError) {
        try walkObject { scanner, _ throws(SyntaxError) in _ = try scanner.scanValue() }
    }

    private mutating func scanArray() throws(SyntaxError) {
        try walkArray { scanner throws(SyntaxError) in _ = try scanner.scanValue() }
    }

    /// Walks the object whose `{` is next: checks each key and hands the scanner, placed before
    /// that member's value, to `readValue` with the key's byte range; leaves after the `}`.
    ///
    /// The one member loop behind validating, reading a document's top level and building
    /// values, so the three cannot come to disagree on the grammar.
    @inline(__always)
    mutating func walkObject(
        unclosed: String = "an object is not closed",
        _ readValue: (inout JSONScanner, _ key: Range<Int>) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        try enterContainer()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; depth -= 1; return }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("an object key must be a string") }
            let keyStart = index
            try scanString()
            let key = keyStart..<index
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("':' was expected after an object key") }
            index += 1
            try readValue(&self, key)
            skipWhitespace()
            guard let next = peek() else { throw failure(unclosed) }
            index += 1
            if next == UInt8(ascii: "}") { depth -= 1; return }
            guard next == UInt8(ascii: ",") else { throw failure("',' or '}' was expected") }
        }
    }

    /// Walks the array whose `[` is next, handing the scanner to `readElement` before each
    /// element; leaves after the `]`.
    @inline(__always)
    mutating func walkArray(_ readElement: (inout JSONScanner) throws(SyntaxError) -> Void) throws(SyntaxError) {
        try enterContainer()
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; depth -= 1; return }
        while true {
            try readElement(&self)
            skipWhitespace()
            guard let next = peek() else { throw failure("an array is not closed") }
            index += 1
            if next == UInt8(ascii: "]") { depth -= 1; return }
            guard next == UInt8(ascii: ",") else { throw failure("',' or ']' was expected") }
        }
    }

    private mutating func enterContainer() throws(SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nesting is deeper than \(Self.maximumDepth)") }
        index += 1
    }

    /// Reads the string whose opening quote is next, checking its escapes and its UTF-8.
    ///
    /// The place is kept in a local while scanning, and stored back before anything that reads
    /// it: kept in `index`, which lives in memory, every byte waited on the store and reload of
    /// the byte before, which made this loop the largest cost of reading payloads.
    mutating func scanString() throws(SyntaxError) {
        var offset = index + 1 // after the opening quote
        let count = bytes.count
        while offset < count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                index = offset + 1
                return
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < count else {
                    index = offset
                    throw failure("a string ends inside an escape")
                }
                switch bytes[offset] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    offset += 1
                case UInt8(ascii: "u"):
                    offset += 1
                    for _ in 0..<4 {
                        guard offset < count, Self.hexValue(bytes[offset]) != nil else {
                            index = offset
                            throw failure("'\\u' must be followed by four hexadecimal digits")
                        }
                        offset += 1
                    }
                default:
                    index = offset
                    throw failure("'\\\(printable(bytes[offset]))' is not a JSON escape")
                }
            case 0..<0x20:
                index = offset
                throw failure("a control character must be escaped inside a string")
            case 0xC2...0xDF where offset + 1 < count && bytes[offset + 1] & 0xC0 == 0x80:
                offset += 2 // a two-byte sequence, as Persian letters are
            case 0x80...:
                index = offset
                try scanUTF8Sequence(lead: byte)
                offset = index
            default:
                offset += 1
            }
        }
        index = offset
        throw failure("a string is not closed")
    }

    /// Checks one multi-byte UTF-8 sequence: its length, continuation bytes, and that it is
    /// neither overlong nor a surrogate nor beyond U+10FFFF.
    private mutating func scanUTF8Sequence(lead: UInt8) throws(SyntaxError) {
        let length: Int
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperBound = 0x9F
        case 0xF0: length = 4; lowerBound = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperBound = 0x8F
        default: throw failure("invalid UTF-8")
        }
        guard index + length <= bytes.count else { throw failure("invalid UTF-8") }
        let second = bytes[index + 1]
        guard second >= lowerBound, second <= upperBound else { throw failure("invalid UTF-8") }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            throw failure("invalid UTF-8")
        }
        index += length
    }

    mutating func scanNumber() throws(SyntaxError) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), Self.isDigit(first) else { throw failure("a number needs a digit") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), Self.isDigit(digit) else { throw failure("a digit must follow '.'") }
            skipDigits()
        }
        if let exponent = peek(), exponent == UInt8(ascii: "e") || exponent == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), Self.isDigit(digit) else { throw failure("a digit must follow the exponent") }
            skipDigits()
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of text") }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw failure("unexpected character '\(printable(bytes[index + offset]))'")
        }
        index += count
    }

    // MARK: - Helpers

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func skipDigits() {
        while let byte = peek(), Self.isDigit(byte) { index += 1 }
    }

    func failure(_ reason: String) -> SyntaxError { SyntaxError(reason: reason, offset: index) }

    /// Whether the quoted key at `range` is `name`, written without escapes: a comparison of
    /// bytes, where decoding the key would build a string to compare.
    static func isKey(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount + 2 else { return false }
        return memcmp(bytes.baseAddress! + range.lowerBound + 1, name.utf8Start, name.utf8CodeUnitCount) == 0
    }

    private func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
