import Foundation
@testable import HadafEvents
import Testing

/// The payload encoder writes the very bytes Foundation's JSONEncoder writes with the log's
/// settings, so a retried command's events still equal the ones stored before the change.
@Suite("Encoding payloads")
struct PayloadEncodingTests {
    private static func foundationEncoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return try encoder.encode(value)
    }

    @Test(arguments: PayloadDecodingTests.samples.indices)
    func everySampleEventEncodesAsJSONEncoderDoes(_ index: Int) throws {
        func check<E: DomainEvent>(_ event: E) throws {
            let ours = try PayloadEncoder.encode(event)
            #expect(String(decoding: ours, as: UTF8.self) == String(decoding: try Self.foundationEncoded(event), as: UTF8.self))
        }
        try check(PayloadDecodingTests.samples[index])
    }

    /// Every kind of value and container Codable offers, with keys whose order by bytes differs
    /// from their order by letters, and texts that need each escape.
    struct Everything: Encodable {
        var text = "a/b \"q\" \\ \n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F} کتاب‌خوانی 😀"
        var Zebra = true
        var apple: Bool? = nil
        var _under = false
        var a10 = Int.max
        var a2 = Int64.min
        var small: Int8 = -8
        var unsigned = UInt64.max
        var numbers: [Double] = [0, -0.0, 0.1, 12, 1e-7, 1.5e300, 123_456_789.125, 9_007_199_254_740_993, -2.5]
        var floats: [Float] = [0.1, 3, 1e-8]
        var date = Date(timeIntervalSince1970: 1_763_000_000.123)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1.5)]
        var nested = ["b": [1, 2], "a": [], "ب": [3], "B": [4]]
        var optionals: [String?] = ["x", nil]
        var empty: [String: Int] = [:]
        var data = Data([0, 1, 2, 250])
        var link = URL(string: "https://hadaf.msrt.ir/a?b=c")!
        var custom = Custom()
        var wrapped = Wrapper()
    }

    /// A value that writes a composite value as its single value.
    struct Wrapper: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(["inner": [1, 2]])
        }
    }

    /// A type that writes through nested containers and a super encoder, as hand-written
    /// `encode(to:)` may.
    struct Custom: Encodable {
        enum Keys: String, CodingKey { case inner, list, `super`, last }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encode("x", forKey: .last)
            try inner.encodeNil(forKey: .list)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            var deeper = list.nestedContainer(keyedBy: Keys.self)
            try deeper.encode(2.5, forKey: .inner)
            try list.encodeNil()
            try "parent".encode(to: container.superEncoder())
            try container.encode("first", forKey: .last)
            try container.encode("second", forKey: .last)
        }
    }

    @Test func everyKindOfValueEncodesAsJSONEncoderDoes() throws {
        let value = Everything()
        let ours = String(decoding: try PayloadEncoder.encode(value), as: UTF8.self)
        #expect(ours == String(decoding: try Self.foundationEncoded(value), as: UTF8.self))
    }

    @Test func aNumberJSONCannotHoldIsRefused() {
        #expect(throws: EncodingError.self) { try PayloadEncoder.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try PayloadEncoder.encode(["x": Double.infinity]) }
    }
}
