import EventStore
import Foundation
import HadafTestSupport
import Testing

@Suite("Acknowledged appends survive SIGKILL")
struct CrashRecoveryTests {
    /// A child process appends from eight tasks and prints every acknowledged append; it is
    /// killed mid-run, five times over one file. After each kill, every acknowledged event is
    /// in the log at its acknowledged position, and the chain verifies.
    @Test func everyAcknowledgedEventIsPresentAfterTheWriterIsKilled() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("crash.sqlite")
        var acknowledgedSoFar = 0
        for round in 1...5 {
            let acknowledged = try runWriterUntilKilled(path: path, killAfter: 150 + round * 97)
            #expect(acknowledged.count >= 150, "round \(round): the writer acknowledged too little to test")

            let store = try EventStore.open(at: path)
            for (position, id) in acknowledged {
                let stored = try store.read(from: position, limit: 1).first
                #expect(stored?.position == position && stored?.id == id, "round \(round): acknowledged event \(position) lost")
            }
            let report = try store.verify()
            #expect(report.isIntact, "round \(round): \(String(describing: report.failure))")
            #expect(report.eventsChecked >= Int64(acknowledgedSoFar + acknowledged.count))
            acknowledgedSoFar += acknowledged.count
        }
    }

    /// Starts the crash writer, reads its acknowledgements until `killAfter` have arrived,
    /// kills it with SIGKILL, and returns every acknowledgement it printed before dying.
    private func runWriterUntilKilled(path: String, killAfter: Int) throws -> [(Int64, UUID)] {
        let process = ProductProcess.make("crash-writer", arguments: [path, "8"])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var received = Data()
        let reader = output.fileHandleForReading
        while received.count(of: 0x0A) < killAfter {
            let chunk = reader.availableData
            if chunk.isEmpty { break } // the writer died by itself: the checks below will say so
            received.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        received.append(reader.readDataToEndOfFile())
        #expect(process.terminationReason == .uncaughtSignal)

        return String(decoding: received, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            // A line cut by the kill is not an acknowledgement the parent could have acted on.
            guard fields.count == 3, fields[0] == "ack", let position = Int64(fields[1]),
                  let id = UUID(uuidString: String(fields[2])) else { return nil }
            return (position, id)
        }
    }
}

extension Data {
    func count(of byte: UInt8) -> Int { reduce(0) { $1 == byte ? $0 + 1 : $0 } }
}
