import GRDB
import HadafTestSupport
import EventStore
import Foundation
import Testing

@Suite("Appending to streams")
struct AppendTests {
    @Test func appendedEventsReadBackWithGaplessPositionsAndStreamVersions() async throws {
        let test = try TestStore()
        let first = try await test.store.append([sampleEvent(1), sampleEvent(2)], to: "idea-1", expectedVersion: .noStream)
        let second = try await test.store.append([sampleEvent(3)], to: "survey-1")
        let third = try await test.store.append([sampleEvent(4)], to: "idea-1", expectedVersion: .exact(2))

        #expect(first.positions == 1...2)
        #expect(first.lastStreamVersion == 2)
        #expect(second.positions == 3...3)
        #expect(third.positions == 4...4 && third.lastStreamVersion == 3)

        let log = try test.store.read()
        #expect(log.map(\.position) == [1, 2, 3, 4])
        #expect(log.map(\.stream) == ["idea-1", "idea-1", "survey-1", "idea-1"])
        let stream = try test.store.readStream("idea-1")
        #expect(stream.map(\.streamVersion) == [1, 2, 3])
        #expect(try test.store.readStream("idea-1", from: 3).map(\.position) == [4])
        #expect(try test.store.streamVersion(of: "idea-1") == 3)
        #expect(try test.store.streamVersion(of: "nothing") == 0)
    }

    @Test func payloadAndMetadataAreStoredAsGivenWithoutLayoutWhiteSpace() async throws {
        let test = try TestStore()
        let occurred = Date(timeIntervalSince1970: 1_763_713_800.125)
        let metadata = EventMetadata(actorId: "p-1", actorRole: "student", correlationId: UUID(), idempotencyKey: nil, occurredAt: occurred)
        let payload = Data("{ \"title\" : \"ايده  كتاب\",\n \"n\": [1, 2] }\n".utf8)
        let event = try NewEvent(type: "idea.submitted", payload: payload, metadata: metadata)
        _ = try await test.store.append([event], to: "idea-1")

        let stored = try #require(try test.store.read().first)
        #expect(String(decoding: stored.payload, as: UTF8.self) == #"{"title":"ايده  كتاب","n":[1,2]}"#)
        #expect(try stored.metadata() == metadata)
        #expect(stored.metadataJSON == metadata.canonicalJSON)
        #expect(stored.id == event.id && stored.type == "idea.submitted" && stored.schemaVersion == 1)
    }

    @Test func aConflictNamesTheStreamAndVersionsAndWritesNothing() async throws {
        let test = try TestStore()
        _ = try await test.store.append([sampleEvent(1)], to: "idea-1")
        let refused = try [sampleEvent(2), sampleEvent(3)]

        await #expect(throws: EventStoreError.versionConflict(stream: "idea-1", expected: .exact(5), actual: 1)) {
            try await test.store.append(refused, to: "idea-1", expectedVersion: .exact(5))
        }
        await #expect(throws: EventStoreError.versionConflict(stream: "idea-1", expected: .noStream, actual: 1)) {
            try await test.store.append(refused, to: "idea-1", expectedVersion: .noStream)
        }
        #expect(try test.store.read().count == 1)
        #expect(try test.store.head()?.position == 1)
    }

    @Test func malformedAppendsAreRefusedWithTypedErrors() async throws {
        let test = try TestStore()
        let id = UUID()
        await #expect(throws: EventStoreError.emptyAppend) { try await test.store.append([], to: "s") }
        await #expect(throws: EventStoreError.invalidStreamId("")) { try await test.store.append([sampleEvent()], to: "") }
        await #expect(throws: EventStoreError.duplicateEventIdInAppend(id: id)) {
            try await test.store.append([sampleEvent(1, id: id), sampleEvent(2, id: id)], to: "s")
        }
        #expect(throws: EventStoreError.invalidEventType("")) { try sampleEvent(type: "") }
        #expect(throws: EventStoreError.self) { try NewEvent(type: "t", payload: Data("[1]".utf8)) }
        #expect(throws: EventStoreError.self) { try NewEvent(type: "t", payload: Data(#"{"a":1} {"#.utf8)) }
        #expect(throws: EventStoreError.self) { try NewEvent(type: "t", payload: Data(), metadataJSON: Data("{}".utf8)) }
        #expect(try test.store.head() == nil)
    }

    @Test func everyRefusalHasACodeAndAnEnglishAndAPersianMessage() {
        let errors: [EventStoreError] = [
            .versionConflict(stream: "s", expected: .exact(1), actual: 2), .idempotencyKeyReused(key: "k"),
            .eventIdConflict(id: UUID()), .duplicateEventIdInAppend(id: UUID()), .emptyAppend, .mixedIdempotencyKeys,
            .invalidStreamId(""), .invalidEventType(""), .invalidSchemaVersion(0), .invalidJSON(field: "payload", reason: "r"),
            .databaseNotFound(path: "p"), .notAnEventLog(path: "p"), .invalidPosition(0), .storage("m"), .subjectKeyDestroyed("s"),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(error.code.contains("."))
            #expect(!error.englishMessage.isEmpty)
            #expect(error.persianMessage.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
        }
    }

    @Test func openingRefusesAMissingFileAndAForeignDatabase() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("missing.sqlite")
        #expect(throws: EventStoreError.databaseNotFound(path: missing)) { try EventStore.open(at: missing) }

        let foreign = directory.path("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: EventStoreError.notAnEventLog(path: foreign)) { try EventStore.create(at: foreign) }

        let text = directory.path("text.sqlite")
        try Data("not a database, just text that is long enough to fill a header".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: EventStoreError.notAnEventLog(path: text)) { try EventStore.open(at: text) }
    }
}
