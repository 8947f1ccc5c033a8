import EventStore
import Foundation

/// Decodes Codable values from a parsed ``JSONValue``, as `JSONDecoder` does with its
/// `millisecondsSince1970` date strategy, at a fraction of its cost.
///
/// Rebuilding the read models decodes every payload of the log; with `JSONDecoder` that was
/// half of a projector's time. This decoder reads the log's own value tree through concrete
/// containers, with no dynamic casts and no coding-path bookkeeping (errors name the key).
struct PayloadDecoder: Decoder {
    let value: JSONValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// `T` decoded from `value`; a `Date` is read as milliseconds since 1970.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        if T.self == Date.self {
            guard case let .number(milliseconds) = value else { throw mismatch(Date.self, value) }
            return Date(timeIntervalSince1970: milliseconds / 1000) as! T
        }
        if let readable = T.self as? any PayloadReadable.Type, case let .object(object) = value {
            return try readable.init(payload: object) as! T
        }
        return try T(from: PayloadDecoder(value: value))
    }

    func container<Key: CodingKey>(keyedBy _: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(object) = value else { throw Self.mismatch([String: String].self, value) }
        return KeyedDecodingContainer(KeyedContainer<Key>(object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .array(elements) = value else { throw Self.mismatch([String].self, value) }
        return UnkeyedContainer(elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, key: String? = nil) -> DecodingError {
        let place = key.map { "'\($0)'" } ?? "the value"
        return .typeMismatch(type, .init(codingPath: [], debugDescription: "\(place) is not a \(type): \(value)"))
    }
}

extension PayloadDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value == .null }
    func decode(_: Bool.Type) throws -> Bool {
        guard case let .bool(bool) = value else { throw Self.mismatch(Bool.self, value) }
        return bool
    }
    func decode(_: String.Type) throws -> String {
        guard case let .string(string) = value else { throw Self.mismatch(String.self, value) }
        return string
    }
    func decode(_: Double.Type) throws -> Double {
        guard case let .number(number) = value else { throw Self.mismatch(Double.self, value) }
        return number
    }
    func decode(_: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_: Int.Type) throws -> Int { try integer() }
    func decode(_: Int8.Type) throws -> Int8 { try integer() }
    func decode(_: Int16.Type) throws -> Int16 { try integer() }
    func decode(_: Int32.Type) throws -> Int32 { try integer() }
    func decode(_: Int64.Type) throws -> Int64 { try integer() }
    func decode(_: UInt.Type) throws -> UInt { try integer() }
    func decode(_: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_: UInt64.Type) throws -> UInt64 { try integer() }
    func decode<T: Decodable>(_: T.Type) throws -> T { try Self.decode(T.self, from: value) }

    private func integer<I: FixedWidthInteger>() throws -> I {
        guard case let .number(number) = value, let integer = I(exactly: number) else { throw Self.mismatch(I.self, value) }
        return integer
    }
}

extension PayloadDecoder {
    /// An object's members by key.
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: JSONObject
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { object.members.compactMap { Key(stringValue: $0.key) } }

        func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

        func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }

        func decode(_: Bool.Type, forKey key: Key) throws -> Bool {
            try primitive(key) { if case let .bool(bool) = $0 { bool } else { nil } }
        }
        func decode(_: String.Type, forKey key: Key) throws -> String {
            try primitive(key) { if case let .string(string) = $0 { string } else { nil } }
        }
        func decode(_: Double.Type, forKey key: Key) throws -> Double {
            try primitive(key) { if case let .number(number) = $0 { number } else { nil } }
        }
        func decode(_: Float.Type, forKey key: Key) throws -> Float { Float(try decode(Double.self, forKey: key)) }
        func decode(_: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
        func decode(_: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
        func decode(_: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
        func decode(_: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
        func decode(_: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
        func decode(_: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
        func decode(_: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
        func decode(_: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
        func decode(_: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
        func decode(_: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

        func decode<T: Decodable>(_: T.Type, forKey key: Key) throws -> T {
            do { return try PayloadDecoder.decode(T.self, from: value(key)) } catch let DecodingError.typeMismatch(type, _) {
                throw PayloadDecoder.mismatch(type, try value(key), key: key.stringValue)
            }
        }

        func decodeIfPresent<T: Decodable>(_: T.Type, forKey key: Key) throws -> T? {
            guard let value = object[key.stringValue], value != .null else { return nil }
            return try PayloadDecoder.decode(T.self, from: value)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try PayloadDecoder(value: value(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try PayloadDecoder(value: value(key)).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { PayloadDecoder(value: .object(object)) }

        func superDecoder(forKey key: Key) throws -> any Decoder { PayloadDecoder(value: try value(key)) }

        private func integer<I: FixedWidthInteger>(_ key: Key) throws -> I {
            try primitive(key) { if case let .number(number) = $0 { I(exactly: number) } else { nil } }
        }

        private func primitive<T>(_ key: Key, _ extract: (JSONValue) -> T?) throws -> T {
            let value = try value(key)
            guard let primitive = extract(value) else { throw PayloadDecoder.mismatch(T.self, value, key: key.stringValue) }
            return primitive
        }

        private func value(_ key: Key) throws -> JSONValue {
            guard let value = object[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "'\(key.stringValue)' is missing"))
            }
            return value
        }
    }

    /// An array's elements in order.
    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let elements: [JSONValue]
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        mutating func decodeNil() throws -> Bool {
            guard try next() == .null else { currentIndex -= 1; return false }
            return true
        }

        mutating func decode<T: Decodable>(_: T.Type) throws -> T { try PayloadDecoder.decode(T.self, from: next()) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try PayloadDecoder(value: next()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try PayloadDecoder(value: next()).unkeyedContainer() }

        mutating func superDecoder() throws -> any Decoder { PayloadDecoder(value: try next()) }

        private mutating func next() throws -> JSONValue {
            guard !isAtEnd else { throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: [], debugDescription: "the array has no more elements")) }
            defer { currentIndex += 1 }
            return elements[currentIndex]
        }
    }
}
