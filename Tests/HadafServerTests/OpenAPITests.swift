import Foundation
@testable import HadafServer
import HTTPTypes
import Hummingbird
import Testing

@Suite("The OpenAPI document")
struct OpenAPITests {
    private var committed: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.json")
    }

    /// Every route the router serves is in the document, and every operation of the document
    /// is a route: method and path template alike.
    @Test func theDocumentAndTheRoutesNameTheSameOperations() async throws {
        let fixture = try await ServerFixture.make()
        let routes = Set(fixture.server.makeRouter().routes.map { route in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return "\(route.method.rawValue.lowercased()) /\(path)"
        })
        let document = try #require(try JSONSerialization.jsonObject(with: APIDocument.json()) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let operations = Set(paths.flatMap { path, methods in methods.keys.map { "\($0) \(path)" } })
        #expect(routes == operations)
        #expect(routes.count >= 14)
    }

    @Test func theCommittedCopyIsTheServedDocument() throws {
        let copy = try Data(contentsOf: committed)
        #expect(String(decoding: copy, as: UTF8.self).trimmingCharacters(in: .newlines) == String(decoding: APIDocument.json(), as: UTF8.self),
                "docs/openapi.json is stale: run `hadaf openapi > docs/openapi.json`")
    }
}
