import ArgumentParser
import Foundation
import HadafServer

/// `hadaf openapi`: the server's OpenAPI document, as served at /openapi.json.
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Print the server's OpenAPI 3.1 document (the one served at /openapi.json; docs/openapi.json is a copy).")

    func run() throws {
        FileHandle.standardOutput.write(APIDocument.json() + Data("\n".utf8))
    }
}
