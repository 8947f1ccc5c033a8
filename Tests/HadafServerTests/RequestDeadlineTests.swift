import Dispatch
import EventStore
import Foundation
import HadafServer
import HadafTestSupport
import HummingbirdTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("A request's deadline")
struct RequestDeadlineTests {
    /// A client that sends a form's headers and the start of its body, then nothing, gets 408
    /// at the deadline (long before the idle timeout), and nothing is appended.
    @Test func aBodyThatStopsComingIsCutAtTheDeadlineWithA408() async throws {
        let fixture = try await ServerFixture.make(configuration: .init(port: 0, requestDeadline: .seconds(1)))
        let before = try fixture.server.store.head()
        try await fixture.test(.live) { client in
            let port = try #require(client.port)
            // Signed in: a stranger is refused (401) before a byte of the body is read. The
            // session is opened in the store, not through `/session`, so that a sign-in slowed
            // by a loaded machine is not itself cut by the one-second deadline.
            let student = try #require(try fixture.server.accounts.authenticate(login: "student", password: fixture.passwords["student"]!))
            let session = try fixture.server.accounts.openSession(for: student)
            let started = ContinuousClock.now
            let answer = await Self.exchange(
                port: port,
                "POST /forms/idea HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: hadaf_session=\(session.token)\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ntitle=")
            let waited = ContinuousClock.now - started
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(200))")
            #expect(answer.contains(#""code":"request.timeout""#))
            #expect(waited >= .seconds(1) && waited < .seconds(10), "answered after \(waited)")
        }
        #expect(try fixture.server.store.head() == before)
    }

    /// A body announced at 10 GB is refused with 413 as soon as its headers arrive, not held
    /// until the deadline.
    @Test func aHugeContentLengthIsRefusedAtOnce() async throws {
        let fixture = try await ServerFixture.make(configuration: .init(port: 0, requestDeadline: .seconds(20)))
        try await fixture.test(.live) { client in
            let port = try #require(client.port)
            let started = ContinuousClock.now
            let answer = await Self.exchange(
                port: port,
                "POST /forms/experience HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 10000000000\r\n\r\n--x")
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    /// Sends `request` over a plain socket and reads what comes back within ten seconds, on a
    /// thread of its own, neither a cooperative thread (the server's tasks keep every one) nor a
    /// global Dispatch one (there are as many as cores on Linux, and a blocked read held them).
    private static func exchange(port: Int, _ request: String) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                guard let connection = LoopbackSocket(port: port) else {
                    continuation.resume(returning: "")
                    return
                }
                let socket = connection.descriptor
                var timeout = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                guard connection.send(request) else {
                    continuation.resume(returning: "")
                    return
                }
                var answer: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = recv(socket, &buffer, buffer.count, 0)
                    if count <= 0 { break }
                    answer += buffer[..<count]
                    if let text = String(validating: answer, as: UTF8.self), text.contains("\r\n\r\n"), text.contains("}") { break }
                }
                continuation.resume(returning: String(decoding: answer, as: UTF8.self))
            }
        }
    }
}
