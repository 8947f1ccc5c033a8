import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Signed-in people using the server as a browser does (pages asked for as HTML, forms posted
/// urlencoded with the session's CSRF token) and as a script does (commands as JSON).
struct Browser: Sendable {
    let client: any TestClientProtocol
    let sessions: [String: SignedIn]

    /// Signs each of `logins` in with the fixture's demo passwords.
    static func signIn(_ logins: [String], on client: any TestClientProtocol, fixture: ServerFixture) async throws -> Browser {
        var sessions: [String: SignedIn] = [:]
        for login in logins { sessions[login] = try await client.signIn(login, fixture.passwords[login]!) }
        return Browser(client: client, sessions: sessions)
    }

    /// The page at `path` as `login` sees it.
    func page(_ login: String, _ path: String) async throws -> (status: HTTPResponse.Status, html: String) {
        try await client.execute(uri: path, method: .get, headers: [.cookie: sessions[login]!.cookie, .accept: "text/html"]) { ($0.status, $0.text) }
    }

    /// Posts a form with `fields` as `login`: the status, the page and the redirect's location.
    func post(_ login: String, _ path: String, _ fields: [(String, String)]) async throws -> (status: HTTPResponse.Status, html: String, location: String?) {
        let headers: HTTPFields = [.cookie: sessions[login]!.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
        return try await client.execute(uri: path, method: .post, headers: headers, body: urlEncodedForm([("csrfToken", sessions[login]!.csrfToken)] + fields)) {
            ($0.status, $0.text, $0.headers[.location])
        }
    }

    /// Sends the command `name` with its JSON `payload` as `login`, expecting it to be carried out.
    func command(_ login: String, _ name: String, _ payload: String) async throws {
        try await client.execute(uri: "/api/v1/commands/\(name)", method: .post, headers: sessions[login]!.jsonHeaders, body: ByteBuffer(string: payload)) { response throws in
            #expect(response.status == .created, "\(name): \(response.text)")
        }
    }
}
