import Crypto
import Foundation

/// One line of an import file: a JSON object with `stream`, `type`, `payload` (an object) and
/// optionally `id` (a UUID), `schemaVersion` (an integer, default 1) and `metadata` (an object).
/// The keys `hadaf events --json` adds (`position`, `streamVersion`, `recordedAt`, `hash`) are
/// ignored, so one log's export imports into another; any other key is refused, so that a
/// misspelt key is not silently dropped.
enum EnvelopeLine {
    /// Parses a line (without its newline) into the stream and the event to append.
    ///
    /// A line without `id` gets one derived from its line number and bytes (a UUID of version 8
    /// over SHA-256), so that importing the same file again skips it instead of storing it twice.
    static func parse(_ line: UnsafeRawBufferPointer, lineNumber: Int) throws(EnvelopeLineError) -> (stream: String, event: NewEvent) {
        var stream: String?
        var type: String?
        var payload: Data?
        var id: UUID?
        var schemaVersion: Int64 = 1
        var metadata: Data?
        var scanner = JSONScanner(line)
        do throws(JSONScanner.SyntaxError) {
            try scanner.scanObjectDocument { key, kind, range throws(JSONScanner.SyntaxError) in
                func require(_ expected: JSONScanner.Kind, _ what: String) throws(JSONScanner.SyntaxError) {
                    guard kind == expected else { throw .init(reason: "'\(key)' must be \(what)", offset: range.lowerBound) }
                }
                switch key {
                case "stream":
                    try require(.string, "a string")
                    stream = JSONScanner.decodeString(line, range)
                case "type":
                    try require(.string, "a string")
                    type = JSONScanner.decodeString(line, range)
                case "payload":
                    try require(.object, "a JSON object")
                    payload = JSONObjectValidator.compacted(validated: UnsafeRawBufferPointer(rebasing: line[range]))
                case "metadata":
                    try require(.object, "a JSON object")
                    metadata = JSONObjectValidator.compacted(validated: UnsafeRawBufferPointer(rebasing: line[range]))
                case "id":
                    try require(.string, "a UUID string")
                    guard let uuid = UUID(uuidString: JSONScanner.decodeString(line, range)) else {
                        throw .init(reason: "'id' is not a UUID", offset: range.lowerBound)
                    }
                    id = uuid
                case "schemaVersion":
                    guard kind == .number, let value = Int64(String(decoding: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self)),
                          value >= 1 else {
                        throw .init(reason: "'schemaVersion' must be a whole number of 1 or more", offset: range.lowerBound)
                    }
                    schemaVersion = value
                case "position", "streamVersion", "recordedAt", "hash":
                    break // where the event stood in the log it was exported from
                default:
                    throw .init(reason: "unknown key '\(key)'", offset: range.lowerBound)
                }
            }
        } catch {
            throw EnvelopeLineError(reason: "\(error.reason) at byte \(error.offset + 1)")
        }
        guard let stream else { throw EnvelopeLineError(reason: "'stream' is missing") }
        guard let type else { throw EnvelopeLineError(reason: "'type' is missing") }
        guard let payload else { throw EnvelopeLineError(reason: "'payload' is missing") }
        guard StreamName.isValid(stream) else { throw EnvelopeLineError(reason: "'stream' must be 1 to \(StreamName.maximumLength) characters with no control characters") }
        guard StreamName.isValid(type) else { throw EnvelopeLineError(reason: "'type' must be 1 to \(StreamName.maximumLength) characters with no control characters") }
        let event = NewEvent(
            unchecked: id ?? derivedId(line, lineNumber: lineNumber), type: type, schemaVersion: schemaVersion,
            payload: payload, metadata: metadata ?? Data("{}".utf8), idempotencyKey: nil)
        return (stream, event)
    }

    private static func derivedId(_ line: UnsafeRawBufferPointer, lineNumber: Int) -> UUID {
        var hasher = SHA256()
        withUnsafeBytes(of: Int64(lineNumber).bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: line)
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80 // version 8: custom
        bytes[8] = (bytes[8] & 0x3F) | 0x80 // RFC 9562 variant
        return bytes.withUnsafeBytes { UUID(bytes: $0) }
    }
}

/// Why one import line is not an envelope.
struct EnvelopeLineError: Error {
    let reason: String
}
