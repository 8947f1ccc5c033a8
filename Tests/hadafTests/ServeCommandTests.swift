import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HadafTestSupport
import Testing

@Suite("hadaf serve")
struct ServeCommandTests {
    /// The real binary: seeds the demo once, answers /health on 127.0.0.1, and stops with exit
    /// status 0 on SIGTERM.
    @Test func serveSeedsTheDemoAnswersHealthAndStopsCleanlyOnSIGTERM() async throws {
        let directory = try TemporaryDirectory()
        let port = 20_000 + Int(getpid() % 10_000)
        let server = ProductProcess.make("hadaf", arguments: ["serve", "--db", directory.path("hadaf.sqlite"), "--port", "\(port)", "--demo"])
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        var printed = ""
        while !printed.contains("HADAF serves") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        #expect(printed.contains("student ") && printed.contains("ministry "))

        var health: [String: Any]?
        for _ in 0..<50 where health == nil {
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!) {
                health = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(health?["status"] as? String == "ok")

        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }
}

extension ServeCommandTests {
    /// SIGTERM while a client holds a request open (its body announced and never sent): the
    /// server waits its grace (10 s), cancels what is left and ends, rather than waiting for the
    /// request's 30-second deadline or longer.
    @Test func aShutdownEndsWithinItsGraceWhileARequestHangs() async throws {
        let directory = try TemporaryDirectory()
        let port = 21_000 + Int(getpid() % 10_000)
        let server = ProductProcess.make("hadaf", arguments: ["serve", "--db", directory.path("hadaf.sqlite"), "--port", "\(port)", "--demo"])
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var up = false
        for _ in 0..<300 where !up {
            up = (try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!)) != nil
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(up)

        let connection = try #require(LoopbackSocket(port: port))
        connection.send("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"login\":")
        try await Task.sleep(for: .milliseconds(300))

        let started = ContinuousClock.now
        kill(server.processIdentifier, SIGTERM)
        while server.isRunning && ContinuousClock.now - started < .seconds(60) { try await Task.sleep(for: .milliseconds(100)) }
        let took = ContinuousClock.now - started
        #expect(!server.isRunning && server.terminationReason == .exit, "still running after \(took)")
        #expect(took < .seconds(25), "the shutdown took \(took)")
    }

    @Test func accountAddPrintsAPasswordOnceAndRefusesATakenLogin() throws {
        let cli = try CLI()
        try cli.succeed(["init"])
        let added = try cli.succeed(["account", "add", "--login", "officer", "--role", "ministry_officer", "--actor-id", "officer-9"]).standardOutput
        let password = try #require(added.split(separator: " ").last).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(added.contains("shown this once") && password.count == 16)
        let again = try cli.run(["account", "add", "--login", "officer", "--role", "ministry_officer", "--actor-id", "officer-9"])
        #expect(again.status != 0 && again.standardError.contains("account.login_taken"))
        let wrongRole = try cli.run(["account", "add", "--login", "x", "--role", "king", "--actor-id", "k"])
        #expect(wrongRole.status != 0 && wrongRole.standardError.contains("'king' is not a role"))
    }
}
