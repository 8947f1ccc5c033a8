import Foundation

/// Single values written as Foundation's `JSONEncoder` writes them: strings with only the
/// escapes JSON requires (slashes unescaped), integers in decimal, floating-point numbers in
/// their shortest form without a trailing `.0`, dates as milliseconds since 1970, data as
/// Base64, URLs as their absolute string.
enum PayloadScalar {
    /// Appends `value` when it is one of the types written as a single value regardless of its
    /// `encode(to:)`; returns false, having written nothing, for the others.
    static func append<T: Encodable>(_ value: T, to output: inout [UInt8]) throws -> Bool {
        switch value {
        case let string as String: appendString(string, to: &output)
        case let integer as Int: output.append(contentsOf: String(integer).utf8)
        case let integer as Int64: output.append(contentsOf: String(integer).utf8)
        case let number as Double: try appendNumber(number, to: &output)
        case let flag as Bool: output.append(contentsOf: (flag ? "true" : "false").utf8)
        case let date as Date: try appendNumber(date.timeIntervalSince1970 * 1000, to: &output)
        case let data as Data: appendString(data.base64EncodedString(), to: &output)
        case let url as URL: appendString(url.absoluteString, to: &output)
        case let decimal as Decimal: output.append(contentsOf: decimal.description.utf8)
        default: return false
        }
        return true
    }

    /// A JSON string as Foundation writes it. EventStore's `JSONStringWriter` writes the log's
    /// canonical metadata and escapes backspace and form feed as `\u0008` and `\u000c`, where
    /// Foundation writes `\b` and `\f`: a payload must be Foundation's bytes, so it is not reused.
    static func appendString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var plain = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: bytes[plain..<index])
                plain = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case 0x08: output.append(contentsOf: #"\b"#.utf8)
                case 0x0C: output.append(contentsOf: #"\f"#.utf8)
                case 0x0A: output.append(contentsOf: #"\n"#.utf8)
                case 0x0D: output.append(contentsOf: #"\r"#.utf8)
                case 0x09: output.append(contentsOf: #"\t"#.utf8)
                default:
                    output.append(contentsOf: #"\u00"#.utf8)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: bytes[plain...])
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A finite number in Swift's shortest round-trip form for its type, `.0` dropped from
    /// integral values.
    static func appendNumber<Number: BinaryFloatingPoint & LosslessStringConvertible>(_ number: Number, to output: inout [UInt8]) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "A payload holds no infinite or NaN number."))
        }
        let text = number.description
        output.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }
}
