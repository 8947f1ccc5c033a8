import Foundation

/// Checks that bytes are exactly one JSON object, for payloads and metadata, and removes the
/// white space between tokens.
///
/// The log keeps every string as typed, but not the layout around it: a pretty-printed payload
/// and a compact one are stored alike, and every stored object fits on one line of
/// `hadaf events --json` output.
enum JSONObjectValidator {
    /// The object without white space between tokens; `field` names it in the error.
    static func compacted(_ data: Data, field: String) throws(EventStoreError) -> Data {
        let problem = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> JSONScanner.SyntaxError? in
            var scanner = JSONScanner(bytes)
            do throws(JSONScanner.SyntaxError) {
                try scanner.scanObjectDocument { _, _, _ in }
                return nil
            } catch {
                return error
            }
        }
        if let problem {
            throw .invalidJSON(field: field, reason: "\(problem.reason) at byte \(problem.offset)")
        }
        return data.withUnsafeBytes { compacted(validated: $0) }
    }

    /// Removes white space outside strings from bytes already known to be valid JSON; returns
    /// a copy of the bytes as they are when there is none (the common case of compact input).
    static func compacted(validated bytes: UnsafeRawBufferPointer) -> Data {
        var insideString = false
        var escaped = false
        var firstWhitespace: Int?
        for (index, byte) in bytes.enumerated() {
            if insideString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { insideString = false }
            } else if byte == UInt8(ascii: "\"") {
                insideString = true
            } else if isWhitespace(byte) {
                firstWhitespace = index
                break
            }
        }
        guard let firstWhitespace else { return Data(bytes) }
        var output = [UInt8](bytes[..<firstWhitespace])
        output.reserveCapacity(bytes.count)
        for byte in bytes[firstWhitespace...] {
            if insideString {
                output.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { insideString = false }
            } else if !isWhitespace(byte) {
                if byte == UInt8(ascii: "\"") { insideString = true }
                output.append(byte)
            }
        }
        return Data(output)
    }

    /// JSON's white space: a space, tab, line feed or carriage return.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
