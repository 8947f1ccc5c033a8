import EventStore
import Foundation
import Testing

@Suite("Event metadata and UTC timestamps")
struct EventMetadataTests {
    @Test func canonicalJSONSortsKeysAndRoundTrips() throws {
        let metadata = EventMetadata(
            actorId: "p-\"12\"", actorRole: "faculty", correlationId: UUID(), causationId: UUID(),
            requestId: "req-1", idempotencyKey: "k", occurredAt: Date(timeIntervalSince1970: 1_763_713_800.5))
        let json = String(decoding: metadata.canonicalJSON, as: UTF8.self)
        let keys = ["actorId", "actorRole", "causationId", "correlationId", "idempotencyKey", "occurredAt", "requestId"]
        let offsets = keys.map { json.range(of: "\"\($0)\"")!.lowerBound }
        #expect(offsets == offsets.sorted())
        #expect(json.contains(#""occurredAt":"2025-11-21T08:30:00.500Z""#))
        #expect(try EventMetadata(json: metadata.canonicalJSON) == metadata)
        #expect(EventMetadata().canonicalJSON == Data("{}".utf8))
    }

    @Test func decodingIgnoresUnknownKeysAndRefusesWrongForms() throws {
        let decoded = try EventMetadata(json: Data(#"{"actorId":"a","source":{"x":1},"requestId":null}"#.utf8))
        #expect(decoded.actorId == "a" && decoded.requestId == nil)
        #expect(throws: EventStoreError.self) { try EventMetadata(json: Data(#"{"correlationId":"nope"}"#.utf8)) }
        #expect(throws: EventStoreError.self) { try EventMetadata(json: Data(#"{"occurredAt":"2026-13-01T00:00:00Z"}"#.utf8)) }
        #expect(throws: EventStoreError.self) { try EventMetadata(json: Data(#"{"actorId":5}"#.utf8)) }
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(1_763_713_800_123), "2025-11-21T08:30:00.123Z"),
        (Int64(951_782_400_000), "2000-02-29T00:00:00.000Z"),
        (Int64(-1), "1969-12-31T23:59:59.999Z"),
        (Int64(4_102_444_799_999), "2099-12-31T23:59:59.999Z"),
    ])
    func timestampsFormatAndParseBothWays(milliseconds: Int64, text: String) {
        #expect(UTCTimestamp.format(milliseconds: milliseconds) == text)
        #expect(UTCTimestamp.parse(text) == milliseconds)
    }

    @Test func timestampParsingAcceptsOtherFractionsAndRefusesNonsense() {
        #expect(UTCTimestamp.parse("2026-11-21T00:00:00Z") == 1_795_219_200_000)
        #expect(UTCTimestamp.parse("2026-11-21T00:00:00.5Z") == 1_795_219_200_500)
        #expect(UTCTimestamp.parse("2026-11-21T00:00:00.123456789Z") == 1_795_219_200_123)
        for text in ["2026-02-29T00:00:00Z", "2026-11-21 00:00:00Z", "2026-11-21T24:00:00Z", "2026-11-21T00:00:00+03:30", "yesterday"] {
            #expect(UTCTimestamp.parse(text) == nil, "\(text)")
        }
    }

    /// An event's instant is read from its metadata's bytes in place; a timestamp written with
    /// escapes means the same instant, and a malformed or missing one none.
    @Test(arguments: [
        (#"{"actorId":"a","occurredAt":"2026-11-21T00:00:00.500Z"}"#, Int64?.some(1_795_219_200_500)),
        (#"{"occurredAt":"2026\u002D11-21T00:00:00Z","actorId":"a"}"#, 1_795_219_200_000),
        (#"{"occurredAt":"2026-11-21T00:00:00+03:30"}"#, nil),
        (#"{"occurredAt":1795219200000}"#, nil),
        (#"{"actorId":"a"}"#, nil),
    ])
    func anEventsInstantIsReadFromItsMetadata(metadata: String, milliseconds: Int64?) {
        let event = RecordedEvent(
            position: 1, id: UUID(), stream: "s", streamVersion: 1, type: "t", schemaVersion: 1,
            payload: Data("{}".utf8), metadataJSON: Data(metadata.utf8), recordedAtMilliseconds: 0, hash: Data())
        #expect(event.occurredAtMilliseconds == milliseconds)
    }
}
