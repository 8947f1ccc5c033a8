import EventStore
import Foundation
import Testing

@Suite("Parsing JSON values")
struct JSONValueTests {
    @Test func valuesKeepTheirKindsOrderAndText() throws {
        let value = try JSONValue(parsing: Data(#" {"b":[1,-2.5,1e3,true,false,null],"a":{"s":"د\u0627\n\"q\""},"big":1700000000123} "#.utf8))
        guard case let .object(object) = value else { Issue.record("not an object"); return }
        #expect(object.members.map(\.key) == ["b", "a", "big"])
        #expect(object["b"] == .array([.number(1), .number(-2.5), .number(1000), .bool(true), .bool(false), .null]))
        #expect(object["a"] == .object(JSONObject(members: [.init(key: "s", value: .string("دا\n\"q\""))])))
        #expect(object["big"] == .number(1_700_000_000_123))
        #expect(object["missing"] == nil)
    }

    @Test(arguments: [#"{"a":1,}"#, #"{"a":01}"#, "[1 2]", #"{"a":"\x"}"#, "{} {}", "", #""open"#, "tru"])
    func malformedTextIsRefused(_ text: String) {
        #expect(throws: EventStoreError.self) { try JSONValue(parsing: Data(text.utf8)) }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: EventStoreError.self) { try JSONValue(parsing: Data(deep.utf8)) }
    }

    @Test func aSkimBuildsOnlyWhatItNames() throws {
        let text = #"{"skip":[1,{"x":2}],"keep":{"a":[true]},"case":{"idea":{"title":"عنوان","long":"متن","n":3},"flag":true}}"#
        let skimmed = try JSONObject(parsing: Data(text.utf8), keeping: ["keep"], outlining: ["case"], keepingWithin: ["title", "n"])
        #expect(skimmed.members.map(\.key) == ["keep", "case"])
        #expect(skimmed["keep"] == .object(JSONObject(members: [.init(key: "a", value: .array([.bool(true)]))])))
        let within = JSONObject(members: [.init(key: "title", value: .string("عنوان")), .init(key: "n", value: .number(3))])
        #expect(skimmed["case"] == .object(JSONObject(members: [.init(key: "idea", value: .object(within)), .init(key: "flag", value: .null)])))
        let outlined = try JSONObject(parsing: Data(text.utf8), keeping: [], outlining: ["case"])
        #expect(outlined["case"] == .object(JSONObject(members: [.init(key: "idea", value: .null), .init(key: "flag", value: .null)])))
    }

    @Test(arguments: [#"{"case":{"idea":{"title":"t","long":}}}"#, #"{"case":{"idea":{"title":"t"},}}"#, #"{"skip":[1 2],"case":{}}"#])
    func aSkimRefusesMalformedTextItDoesNotBuild(_ text: String) {
        #expect(throws: EventStoreError.self) {
            try JSONObject(parsing: Data(text.utf8), keeping: [], outlining: ["case"], keepingWithin: ["title"])
        }
    }
}
