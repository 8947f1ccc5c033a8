import EventStore
import Foundation
import GRDB
import HadafProjections
@testable import HadafServer
import HadafTestSupport
import Hummingbird
import HummingbirdCore
import NIOCore
import HummingbirdTesting
import Synchronization
import Testing

/// A request without a body has a deadline too, and its work stops when it passes: SQLite is
/// interrupted instead of reading on for minutes after the answer left.
@Suite("The deadline of a request without a body")
struct ReadDeadlineTests {
    @Test func aReadPastItsDeadlineIsAnswered503AndItsQueryStops() async throws {
        let directory = try TemporaryDirectory()
        let model = try ReadModel(path: directory.path("read.sqlite"))
        let ended = Ending()
        let router = Self.slowRead(on: model, deadline: .milliseconds(300), ended: ended)
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/slow", method: .get) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(try response.json()["code"] as? String == "request.deadline")
                #expect(response.headers[.retryAfter] != nil)
            }
        }
        // The query was stopped, not left to count on (without the interrupt it ran 159 s to the end).
        #expect(ended.value.withLock { $0 } == "interrupted", "\(ended.value.withLock { $0 } ?? "still running")")
    }

    /// A client that sends a request and hangs up: the work of its request stops then, long
    /// before its deadline.
    @Test func aReadWhoseClientHangsUpStopsThen() async throws {
        let directory = try TemporaryDirectory()
        let model = try ReadModel(path: directory.path("read.sqlite"))
        let ended = Ending()
        let router = Self.slowRead(on: model, deadline: .seconds(120), ended: ended)
        let app = Application(router: router)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let connection = try #require(LoopbackSocket(port: port))
            connection.send("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            try await Task.sleep(for: .milliseconds(300))
            connection.close()
            // Polls for the end of the work: without noticing the hang-up it would count on for
            // minutes (and then until the two-minute deadline).
            for _ in 0..<300 where ended.value.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ended.value.withLock { $0 } == "interrupted", "\(ended.value.withLock { $0 } ?? "still running after 30 s")")
    }

    /// A router whose `GET /slow` counts to a billion in the read model (about a minute of one
    /// core, unless interrupted) behind `deadline`, and says in `ended` how the count ended.
    private static func slowRead(on model: ReadModel, deadline: Duration, ended: Ending) -> Router<HadafRequestContext> {
        let router = Router(context: HadafRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: RequestDeadlineMiddleware(limit: deadline))
        router.get("/slow") { _, _ -> Response in
            do {
                _ = try model.read { db in
                    try Int.fetchOne(db, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c")
                }
                ended.value.withLock { $0 = "finished" }
            } catch {
                ended.value.withLock { $0 = "interrupted" }
                throw error
            }
            return Response(status: .ok)
        }
        return router
    }
}

/// How a slow read ended: "finished", "interrupted", or nil while it runs.
private final class Ending: Sendable {
    let value = Mutex<String?>(nil)
}
