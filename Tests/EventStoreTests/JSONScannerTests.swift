@testable import EventStore
import Foundation
import Testing

@Suite("Validating and compacting JSON objects")
struct JSONScannerTests {
    @Test(arguments: [
        #"{}"#, #"{"a":1}"#, #" { "a" : [1, -2.5e+3, true, false, null, {"b":"c"}] } "#,
        #"{"t":"\"\\\/\b\f\n\r\t\u0041\ud83d\ude00"}"#, #"{"fa":"ایده‌ای نو"}"#, #"{"n":0,"m":-0.0,"e":1E9}"#,
    ])
    func validObjectsAreAccepted(text: String) throws {
        _ = try JSONObjectValidator.compacted(Data(text.utf8), field: "payload")
    }

    @Test(arguments: [
        "", "[]", "1", #""s""#, "{", #"{"a"}"#, #"{"a":}"#, #"{"a":1,}"#, #"{a:1}"#, #"{"a":01}"#,
        #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, "{\"a\":\"\u{01}\"}",
        #"{"a":1} {}"#, #"{"a":[1,2}"#, #"{"a":nul}"#, #"{"a":-}"#, #"{"a":1e}"#,
    ])
    func malformedTextIsRefused(text: String) {
        #expect(throws: EventStoreError.self) { try JSONObjectValidator.compacted(Data(text.utf8), field: "payload") }
    }

    @Test func invalidUTF8InsideAStringIsRefused() {
        for bytes: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
            let document = Array(#"{"a":""#.utf8) + bytes + Array(#""}"#.utf8)
            #expect(throws: EventStoreError.self) { try JSONObjectValidator.compacted(Data(document), field: "payload") }
        }
    }

    /// A byte that needs care is seen wherever it falls in a long string, and a string of plain
    /// text ends at its quote.
    @Test func everyOffsetInALongStringIsChecked() throws {
        let plain = Array(repeating: UInt8(ascii: "a"), count: 24)
        for offset in 0..<plain.count {
            func document(_ inserted: [UInt8]) -> Data {
                var text = plain
                text.insert(contentsOf: inserted, at: offset)
                return Data(Array(#"{"a":""#.utf8) + text + Array(#"","b":1}"#.utf8))
            }
            for refused: [UInt8] in [[0x01], [0x1F], [0x80], [0xC0, 0x80], [0xD8], [0xD8, 0xD8], [0xE2, 0x82], [UInt8(ascii: "\\"), UInt8(ascii: "x")]] {
                #expect(throws: EventStoreError.self, "\(refused) at \(offset)") { try JSONObjectValidator.compacted(document(refused), field: "payload") }
            }
            for accepted: [UInt8] in [[0x20], [0x7F], Array("ب".utf8), Array("€".utf8), Array("😀".utf8), Array(#"\""#.utf8)] {
                #expect(throws: Never.self, "\(accepted) at \(offset)") { try JSONObjectValidator.compacted(document(accepted), field: "payload") }
            }
            let early = try JSONValue(parsing: document(Array(#"","c":""#.utf8)))
            #expect(early["c"] == .string(String(repeating: "a", count: plain.count - offset)), "a quote at \(offset)")
        }
    }

    @Test func nestingBeyondTheLimitIsRefused() {
        let deep = "{\"a\":" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}"
        #expect(throws: EventStoreError.self) { try JSONObjectValidator.compacted(Data(deep.utf8), field: "payload") }
    }

    @Test func compactingRemovesOnlyWhiteSpaceBetweenTokens() throws {
        let text = "{\n  \"title\" : \"دو  فاصله \\\" و \\\\\",\t\"list\": [ 1 , 2 ]\r\n}\n"
        let compacted = try JSONObjectValidator.compacted(Data(text.utf8), field: "payload")
        #expect(String(decoding: compacted, as: UTF8.self) == #"{"title":"دو  فاصله \" و \\","list":[1,2]}"#)
    }

    @Test func escapedStringsDecodeToTheirText() {
        let text = #""a\"b\\c\/d\n\u0628\ud83d\ude00\ud800x""#
        let decoded = Array(text.utf8).withUnsafeBytes { JSONScanner.decodeString($0, 0..<$0.count) }
        #expect(decoded == "a\"b\\c/d\nب😀\u{FFFD}x")
    }
}
