import EventStore
import Foundation

/// A payload that reads itself from the log's value tree, field by field, without Codable.
///
/// Only the events that every rebuild reads by the hundred thousand conform (survey answers,
/// regulation contributions, submissions' steps, registrations, and awards, which an audit reads
/// by the hundred thousand); the others decode through
/// ``PayloadDecoder``. A test decodes every kind of stored event both ways and compares them,
/// so the two readings cannot drift apart.
protocol PayloadReadable {
    init(payload: JSONObject) throws
}

extension JSONObject {
    /// The string member `key`.
    func string(_ key: String) throws -> String {
        guard case let .string(string)? = self[key] else { throw mismatch(String.self, key) }
        return string
    }

    /// The string member `key`, nil when missing or null.
    func optionalString(_ key: String) throws -> String? {
        guard let value = self[key], value != .null else { return nil }
        return try string(key)
    }

    /// The boolean member `key`.
    func bool(_ key: String) throws -> Bool {
        guard case let .bool(bool)? = self[key] else { throw mismatch(Bool.self, key) }
        return bool
    }

    /// The integer member `key`.
    func int(_ key: String) throws -> Int {
        guard case let .number(number)? = self[key], let integer = Int(exactly: number) else { throw mismatch(Int.self, key) }
        return integer
    }

    /// The integer member `key`, nil when missing or null.
    func optionalInt(_ key: String) throws -> Int? {
        guard let value = self[key], value != .null else { return nil }
        return try int(key)
    }

    /// The number member `key`.
    func double(_ key: String) throws -> Double {
        guard case let .number(number)? = self[key] else { throw mismatch(Double.self, key) }
        return number
    }

    /// The number member `key`, nil when missing or null.
    func optionalDouble(_ key: String) throws -> Double? {
        guard let value = self[key], value != .null else { return nil }
        return try double(key)
    }

    /// The member `key` as a value with a string raw value (an enum).
    func value<T: RawRepresentable>(_: T.Type, _ key: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string(key)) else { throw mismatch(T.self, key) }
        return value
    }

    /// The member `key` as a value with a string raw value, nil when missing or null.
    func optionalValue<T: RawRepresentable>(_: T.Type, _ key: String) throws -> T? where T.RawValue == String {
        guard let value = self[key], value != .null else { return nil }
        return try self.value(T.self, key)
    }

    /// The object member `key`.
    func object(_ key: String) throws -> JSONObject {
        guard case let .object(object)? = self[key] else { throw mismatch(JSONObject.self, key) }
        return object
    }

    /// The array member `key`, each element an object read by `element`.
    func objects<T>(_ key: String, _ element: (JSONObject) throws -> T) throws -> [T] {
        guard case let .array(values)? = self[key] else { throw mismatch([T].self, key) }
        return try values.map { value in
            guard case let .object(object) = value else { throw mismatch(T.self, key) }
            return try element(object)
        }
    }

    /// The member `key` decoded as Codable `T`, for the parts of a readable payload that are rare.
    func decoded<T: Decodable>(_: T.Type, _ key: String) throws -> T {
        guard let value = self[key] else { throw mismatch(T.self, key) }
        return try PayloadDecoder.decode(T.self, from: value)
    }

    func mismatch(_ type: Any.Type, _ key: String) -> DecodingError {
        let found = self[key].map { "\($0)" } ?? "nothing"
        return .typeMismatch(type, .init(codingPath: [], debugDescription: "'\(key)' must be a \(type), not \(found)"))
    }
}
