import EventStore
import Foundation
import Testing

@Suite("Importing envelopes from JSON Lines")
struct EnvelopeImportTests {
    /// Feeds `text` to an importer in chunks of `chunkSize` bytes.
    private func runImport(
        _ text: String, into store: EventStore, batchSize: Int = 3, chunkSize: Int = 5
    ) async throws(ImportError) -> EnvelopeImporter.Progress {
        var remaining = Data(text.utf8)[...]
        return try await EnvelopeImporter(store: store, batchSize: batchSize).run(reading: {
            let chunk = remaining.prefix(chunkSize)
            remaining = remaining.dropFirst(chunkSize)
            return Data(chunk)
        })
    }

    private let sample = """
        {"stream":"idea-1","type":"idea.submitted","payload":{"title":"كتاب خوانی"},"id":"5d0a3c1e-3b9a-4a47-9a56-6d3c2b1f0a11"}
        {"stream":"idea-1","type":"idea.revised","schemaVersion":2,"payload":{ "title" : "کتاب‌خوانی" },"metadata":{"actorId":"p-1"}}\r

        {"stream":"survey-3","type":"survey.answered","payload":{}}
        {"stream":"idea-1","type":"idea.screened","payload":{"ok":true}}
        """

    @Test func linesAreAppendedToTheEndOfTheirStreams() async throws {
        let test = try TestStore()
        let totals = try await runImport(sample, into: test.store)
        #expect(totals.lines == 5 && totals.appended == 4 && totals.skipped == 0 && totals.refused == 0)

        let idea = try test.store.readStream("idea-1")
        #expect(idea.map(\.type) == ["idea.submitted", "idea.revised", "idea.screened"])
        #expect(idea.map(\.streamVersion) == [1, 2, 3])
        #expect(idea[0].id == UUID(uuidString: "5d0a3c1e-3b9a-4a47-9a56-6d3c2b1f0a11"))
        #expect(idea[1].schemaVersion == 2)
        #expect(String(decoding: idea[1].payload, as: UTF8.self) == #"{"title":"کتاب‌خوانی"}"#)
        #expect(try idea[1].metadata().actorId == "p-1")
        #expect(try test.store.verify().isIntact)
    }

    @Test func runningTheSameImportAgainSkipsEveryLine() async throws {
        let test = try TestStore()
        _ = try await runImport(sample, into: test.store)
        let again = try await runImport(sample, into: test.store, batchSize: 2, chunkSize: 1000)
        #expect(again.appended == 0 && again.skipped == 4)
        #expect(try test.store.head()?.position == 4)
    }

    @Test func aMalformedLineStopsTheImportBeforeItsBatchAndNamesTheLine() async throws {
        let test = try TestStore()
        let lines = (1...7).map { #"{"stream":"s","type":"t","payload":{"n":\#($0)}}"# } + [#"{"stream":"s","type":"t","payload":[1]}"#]
        await #expect(throws: ImportError.malformedLine(line: 8, reason: "'payload' must be a JSON object at byte 36", appendedBefore: 6)) {
            try await runImport(lines.joined(separator: "\n"), into: test.store)
        }
        // Batches of three: lines 1-3 and 4-6 were committed; line 7 shared the bad line's batch.
        #expect(try test.store.head()?.position == 6)
    }

    @Test(arguments: [
        (#"{"stream":"s","type":"t"}"#, "'payload' is missing"),
        (#"{"stream":"s","payload":{}}"#, "'type' is missing"),
        (#"{"type":"t","payload":{}}"#, "'stream' is missing"),
        (#"{"stream":"s","type":"t","payload":{},"paylod":{}}"#, "unknown key 'paylod'"),
        (#"{"stream":"s","type":"t","payload":{},"id":"x"}"#, "'id' is not a UUID"),
        (#"{"stream":"s","type":"t","payload":{},"schemaVersion":0}"#, "'schemaVersion' must be a whole number of 1 or more"),
        (#"{"stream":"","type":"t","payload":{}}"#, "'stream' must be 1 to 200 characters"),
        (#"{"stream":"s","type":"t","payload":{}"#, "the object is not closed"),
    ])
    func eachKindOfBadLineIsExplained(line: String, reason: String) async throws {
        let test = try TestStore()
        let outcome: Result<EnvelopeImporter.Progress, ImportError>
        do { outcome = .success(try await runImport(line, into: test.store)) } catch { outcome = .failure(error) }
        guard case let .failure(.malformedLine(number, message, _)) = outcome else {
            Issue.record("the line was not refused as malformed: \(outcome)")
            return
        }
        #expect(number == 1)
        #expect(message.contains(reason), "\(message)")
        #expect(try test.store.head() == nil)
    }

    @Test func anIdStoredInAnotherStreamIsRefusedAndTheRestIsImported() async throws {
        let test = try TestStore()
        let id = UUID()
        _ = try await test.store.append([sampleEvent(id: id)], to: "first")
        let text = #"{"stream":"second","type":"t","payload":{},"id":"\#(id.uuidString)"}"# + "\n" + #"{"stream":"s","type":"t","payload":{}}"#
        let totals = try await runImport(text, into: test.store)
        #expect(totals.appended == 1 && totals.refused == 1)
        #expect(totals.firstRefusals.map(\.line) == [1])
        #expect(totals.firstRefusals.map(\.error) == [.eventIdConflict(id: id)])
    }

    @Test func anExportedLogImportsIntoAnotherWithTheSameContent() async throws {
        let source = try TestStore()
        _ = try await runImport(sample, into: source.store)
        let export = try source.store.read().map(\.jsonLine).joined(separator: "\n")

        let copy = try TestStore()
        let totals = try await runImport(export, into: copy.store, chunkSize: 64)
        #expect(totals.appended == 4)
        let original = try source.store.read(), imported = try copy.store.read()
        #expect(imported.map(\.id) == original.map(\.id))
        #expect(imported.map(\.payload) == original.map(\.payload))
        #expect(imported.map(\.metadataJSON) == original.map(\.metadataJSON))
        #expect(imported.map(\.streamVersion) == original.map(\.streamVersion))
    }
}
