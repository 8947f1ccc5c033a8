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
