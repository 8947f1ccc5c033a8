import Foundation

/// The `Encoder` a value encodes itself to: every container it asks for writes into `node`.
struct PayloadValueEncoder: Encoder {
    let node: PayloadValue
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy _: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = node.content { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = node.content { node.content = .array([]) }
        return UnkeyedContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(node: node) }
}

extension PayloadValueEncoder {
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: PayloadValue
        var codingPath: [any CodingKey] { [] }

        private func put(_ key: Key, _ write: (inout [UInt8]) throws -> Void) rethrows {
            node.append(.bytes(try node.scratch.append(write)), forKey: key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) { put(key) { $0.append(contentsOf: "null".utf8) } }
        mutating func encode(_ value: Bool, forKey key: Key) { put(key) { $0.append(contentsOf: (value ? "true" : "false").utf8) } }
        mutating func encode(_ value: String, forKey key: Key) { put(key) { PayloadScalar.appendString(value, to: &$0) } }
        mutating func encode(_ value: Double, forKey key: Key) throws { try put(key) { try PayloadScalar.appendNumber(value, to: &$0) } }
        mutating func encode(_ value: Float, forKey key: Key) throws { try put(key) { try PayloadScalar.appendNumber(value, to: &$0) } }
        mutating func encode(_ value: Int, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int8, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int16, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int32, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int64, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt8, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt16, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt32, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt64, forKey key: Key) { put(key) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.append(try PayloadValue.member(value, scratch: node.scratch), forKey: key.stringValue)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = PayloadValue(scratch: node.scratch)
            nested.content = .object([])
            node.append(.nested(nested), forKey: key.stringValue)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: nested))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = PayloadValue(scratch: node.scratch)
            nested.content = .array([])
            node.append(.nested(nested), forKey: key.stringValue)
            return UnkeyedContainer(node: nested)
        }

        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

        private func superEncoder(named key: String) -> any Encoder {
            let nested = PayloadValue(scratch: node.scratch)
            node.append(.nested(nested), forKey: key)
            return PayloadValueEncoder(node: nested)
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let node: PayloadValue
        var codingPath: [any CodingKey] { [] }
        var count: Int { node.count }

        mutating func encodeNil() { node.append(.bytes(node.scratch.append { $0.append(contentsOf: "null".utf8) })) }
        mutating func encode<T: Encodable>(_ value: T) throws { node.append(try PayloadValue.member(value, scratch: node.scratch)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy _: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = PayloadValue(scratch: node.scratch)
            nested.content = .object([])
            node.append(.nested(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: nested))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = PayloadValue(scratch: node.scratch)
            nested.content = .array([])
            node.append(.nested(nested))
            return UnkeyedContainer(node: nested)
        }

        mutating func superEncoder() -> any Encoder {
            let nested = PayloadValue(scratch: node.scratch)
            node.append(.nested(nested))
            return PayloadValueEncoder(node: nested)
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let node: PayloadValue
        var codingPath: [any CodingKey] { [] }

        private func put(_ write: (inout [UInt8]) throws -> Void) rethrows {
            node.content = .single(try node.scratch.append(write))
        }

        mutating func encodeNil() { put { $0.append(contentsOf: "null".utf8) } }
        mutating func encode(_ value: Bool) { put { $0.append(contentsOf: (value ? "true" : "false").utf8) } }
        mutating func encode(_ value: String) { put { PayloadScalar.appendString(value, to: &$0) } }
        mutating func encode(_ value: Double) throws { try put { try PayloadScalar.appendNumber(value, to: &$0) } }
        mutating func encode(_ value: Float) throws { try put { try PayloadScalar.appendNumber(value, to: &$0) } }
        mutating func encode(_ value: Int) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int8) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int16) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int32) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Int64) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt8) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt16) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt32) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: UInt64) { put { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode<T: Encodable>(_ value: T) throws {
            switch try PayloadValue.member(value, scratch: node.scratch) {
            case let .bytes(range): node.content = .single(range)
            case let .nested(inner): node.content = inner.content
            }
        }
    }
}
