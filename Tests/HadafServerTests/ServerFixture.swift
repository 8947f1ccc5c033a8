import EventStore
import Foundation
import HadafProjections
import HadafServer
import HadafTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A server over a fresh demo database in a temporary directory: the log, the read model, the
/// accounts (bcrypt at a test's cost) and the demo's passwords by login.
struct ServerFixture: Sendable {
    let directory: TemporaryDirectory
    let server: HadafServer
    let passwords: [String: String]

    static func make(configuration: HadafServer.Configuration = .init(port: 0)) async throws -> ServerFixture {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        let model = try ReadModel(path: ReadModel.path(besideLog: store.path))
        let accounts = try AccountStore(path: AccountStore.path(besideLog: store.path), bcryptCost: 4)
        let credentials = try await DemoSeed.seed(store: store, accounts: accounts)
        var logger = Logger(label: "hadaf-test")
        logger.logLevel = .warning // the request lines would bury the test report
        let server = try HadafServer(store: store, model: model, accounts: accounts, configuration: configuration, logger: logger)
        return ServerFixture(directory: directory, server: server, passwords: Dictionary(uniqueKeysWithValues: credentials.map { ($0.login, $0.password) }))
    }

    /// Runs `body` against the router, with no socket.
    func test<Value: Sendable>(_ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await server.makeApplication().test(setup, body)
    }
}

/// A signed-in browser session: the cookie to send and the CSRF token its forms carry.
struct SignedIn: Sendable {
    let cookie: String
    let csrfToken: String
    let actorId: String

    /// Headers for a JSON request that changes something.
    var jsonHeaders: HTTPFields {
        [.cookie: cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: csrfToken]
    }
}

extension TestClientProtocol {
    /// Signs in through the JSON API.
    func signIn(_ login: String, _ password: String) async throws -> SignedIn {
        try await execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                          body: ByteBuffer(string: #"{"login":"\#(login)","password":"\#(password)"}"#)) { response throws in
            guard response.status == .created, let setCookie = response.headers[.setCookie] else {
                throw FixtureError("sign-in as \(login) answered \(response.status)")
            }
            let body = try response.json()
            return SignedIn(cookie: String(setCookie.prefix { $0 != ";" }), csrfToken: body["csrf_token"] as? String ?? "", actorId: body["actor_id"] as? String ?? "")
        }
    }
}

extension TestResponse {
    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        let data = Data(body.readableBytesView)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw FixtureError("the body is not a JSON object") }
        return object
    }

    var text: String { String(buffer: body) }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A body of `application/x-www-form-urlencoded` fields, as a browser sends a form.
func urlEncodedForm(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return ByteBuffer(string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
}
