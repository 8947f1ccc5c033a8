import Foundation

/// A JSON value read from UTF-8 bytes by the log's own scanner.
///
/// Readers that fold the whole log (projections, audits) decode every payload once per pass;
/// Foundation's `JSONDecoder` spends most of its time in generic machinery, which made payload
/// decoding the largest cost of a rebuild. A parsed value tree costs a fraction of that, and
/// readers decode their Codable types from it (HadafEvents' payload decoder).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number; integers up to 2^53 are exact, which covers counts, positions and instants in
    /// milliseconds.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Parses one JSON document (any value) from UTF-8 bytes, as strictly as the log's validator.
    public init(parsing data: Data) throws(EventStoreError) {
        var result: Result<JSONValue, JSONScanner.SyntaxError>!
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var scanner = JSONScanner(bytes)
            do throws(JSONScanner.SyntaxError) {
                let value = try scanner.parseValue()
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.failure("unexpected text after the value") }
                result = .success(value)
            } catch {
                result = .failure(error)
            }
        }
        switch result! {
        case let .success(value): self = value
        case let .failure(error): throw .invalidJSON(field: "payload", reason: "\(error.reason) at byte \(error.offset)")
        }
    }
}

/// A JSON object's members in the order they were written. Payloads have a handful of keys,
/// for which a linear search beats hashing.
public struct JSONObject: Sendable, Equatable {
    /// One member: its key and value.
    public struct Member: Sendable, Equatable {
        public let key: String
        public let value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order of appearance.
    public let members: [Member]

    public init(members: [Member]) {
        self.members = members
    }

    /// The value of the first member named `key`.
    public subscript(key: String) -> JSONValue? {
        for member in members where member.key == key { return member.value }
        return nil
    }
}
