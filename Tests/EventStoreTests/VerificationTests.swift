import EventStore
import Foundation
import GRDB
import HadafTestSupport
import Testing

@Suite("Verifying the hash chain")
struct VerificationTests {
    /// A log of ten events with the append-only triggers dropped, as an attacker with the file
    /// could do, and a raw connection to tamper with it.
    private func tamperableLog() async throws -> (TestStore, DatabaseQueue) {
        let test = try TestStore()
        for number in 1...10 {
            _ = try await test.store.append([sampleEvent(number)], to: "stream-\(number % 3)")
        }
        let raw = try DatabaseQueue(path: test.path)
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "DROP TRIGGER events_refuse_delete")
        }
        return (test, raw)
    }

    @Test func anIntactLogVerifiesToItsHead() async throws {
        let (test, _) = try await tamperableLog()
        let report = try test.store.verify()
        #expect(report.isIntact)
        #expect(report.eventsChecked == 10)
        #expect(report.verifiedHead == (try test.store.head()))
    }

    @Test func aChangedPayloadByteIsReportedAtItsPosition() async throws {
        let (test, raw) = try await tamperableLog()
        try await raw.write { try $0.execute(sql: #"UPDATE events SET payload = '{"n":6}' WHERE position = 5"#) }
        let report = try test.store.verify()
        #expect(report.failure == VerificationFailure(position: 5, reason: .hashMismatch))
        #expect(report.eventsChecked == 4)
    }

    @Test func aChangedRecordingTimeIsReportedAtItsPosition() async throws {
        let (test, raw) = try await tamperableLog()
        try await raw.write { try $0.execute(sql: "UPDATE events SET recorded_at = recorded_at + 1 WHERE position = 8") }
        #expect(try test.store.verify().failure == VerificationFailure(position: 8, reason: .hashMismatch))
    }

    @Test func aDeletedRowIsReportedAtTheMissingPosition() async throws {
        let (test, raw) = try await tamperableLog()
        try await raw.write { try $0.execute(sql: "DELETE FROM events WHERE position = 4") }
        #expect(try test.store.verify().failure == VerificationFailure(position: 4, reason: .missingEvent))
    }

    @Test func twoSwappedRowsAreReportedAtTheFirstOfThem() async throws {
        let (test, raw) = try await tamperableLog()
        try await raw.write { db in
            try db.execute(sql: """
                CREATE TEMP TABLE pair AS SELECT * FROM events WHERE position IN (6, 7);
                DELETE FROM events WHERE position IN (6, 7);
                INSERT INTO events SELECT 13 - position, event_id, stream_id, stream_version, type, schema_version,
                                          payload, metadata, recorded_at, hash FROM pair;
                """)
        }
        #expect(try test.store.verify().failure == VerificationFailure(position: 6, reason: .hashMismatch))
    }

    @Test func aChangedStoredHashIsReportedAtItsPosition() async throws {
        let (test, raw) = try await tamperableLog()
        try await raw.write { try $0.execute(sql: "UPDATE events SET hash = zeroblob(32) WHERE position = 3") }
        #expect(try test.store.verify().failure == VerificationFailure(position: 3, reason: .hashMismatch))
    }

    /// The README documents the canonical bytes so that an auditor can check the chain with a
    /// tool of their own; tools/verify_chain.py is such a tool, written from that text alone.
    @Test(.enabled(if: Python.isAvailable))
    func anIndependentPythonVerifierAgreesWithTheStore() async throws {
        let (test, raw) = try await tamperableLog()
        _ = try await test.store.append([try NewEvent(
            type: "idea.submitted", payload: Data(#"{"title":"ایده\u200cای با \"نقل\""}"#.utf8),
            metadata: EventMetadata(actorId: "p", occurredAt: Date()))], to: "idea-۱")
        let intact = try Python.run(["tools/verify_chain.py", test.path])
        #expect(intact.status == 0, "\(intact.standardError)")
        #expect(intact.standardOutput.contains("intact: 11 events"))

        try await raw.write { try $0.execute(sql: #"UPDATE events SET payload = '{"n":99}' WHERE position = 9"#) }
        let altered = try Python.run(["tools/verify_chain.py", test.path])
        #expect(altered.status == 1)
        #expect(altered.standardOutput.contains("position 9"))
    }
}

/// The machine's python3, when there is one.
enum Python {
    static let path = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isAvailable: Bool { path != nil }

    static func run(_ arguments: [String]) throws -> ProductProcess.Outcome {
        try ProductProcess.run(executable: URL(fileURLWithPath: path!), arguments, in: repositoryRoot)
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
