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
#if canImport(Glibc)
import Glibc
#endif

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

    /// A client that sends a request and hangs up: the work of its request stops then, long
    /// before its deadline.
    @Test func aReadWhoseClientHangsUpStopsThen() async throws {
        let directory = try TemporaryDirectory()
        let model = try ReadModel(path: directory.path("read.sqlite"))
        let ended = Mutex<String?>(nil)
        let router = Router(context: HadafRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: RequestDeadlineMiddleware(limit: .seconds(120)))
        router.get("/slow") { _, _ -> Response in
            do {
                _ = try model.read { db in
                    try Int.fetchOne(db, sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c")
                }
                ended.withLock { $0 = "finished" }
            } catch {
                ended.withLock { $0 = "interrupted" }
                throw error
            }
            return Response(status: .ok)
        }
        let app = Application(router: router)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0)
            let request = "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            _ = send(socket, request, request.utf8.count, 0)
            try await Task.sleep(for: .milliseconds(300))
            close(socket)
            // Polls for the end of the work: without noticing the hang-up it would count on for
            // minutes (and then until the two-minute deadline).
            for _ in 0..<300 where ended.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ended.withLock { $0 } == "interrupted", "\(ended.withLock { $0 } ?? "still running after 30 s")")
    }
}
