import EventStore
import Foundation
import GRDB
import HadafProjections
@testable import HadafServer
import HadafTestSupport
import Hummingbird
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
        let ended = Mutex<String?>(nil)
        let router = Router(context: HadafRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: RequestDeadlineMiddleware(limit: .milliseconds(300)))
        router.get("/slow") { _, _ -> Response in
            do {
                // Counts to a billion: about a minute of one core, unless interrupted.
                _ = try model.read { db in
                    try Int.fetchOne(db, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c")
                }
                ended.withLock { $0 = "finished" }
            } catch {
                ended.withLock { $0 = "interrupted: \(error)" }
                throw error
            }
            return Response(status: .ok)
        }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/slow", method: .get) { response throws in
                #expect(response.status == .serviceUnavailable)
                #expect(try response.json()["code"] as? String == "request.deadline")
                #expect(response.headers[.retryAfter] != nil)
            }
        }
        // The query was stopped, not left to count on (without the interrupt it ran 159 s to the end).
        #expect(ended.withLock { $0 }?.hasPrefix("interrupted") == true, "\(ended.withLock { $0 } ?? "still running")")
    }
}
