import EventStore
import Foundation
import HadafEvents
import Testing

@Suite("Domain events in envelopes")
struct DomainEventEnvelopeTests {
    struct Sample: DomainEvent {
        static let eventType = "sample.happened"
        static let schemaVersion: Int64 = 2
        var title: String
        var at: Date
    }

    struct Other: DomainEvent {
        static let eventType = "other.happened"
        var n: Int
    }

    private func recorded(_ event: NewEvent) -> RecordedEvent {
        RecordedEvent(
            position: 1, id: event.id, stream: "s", streamVersion: 1, type: event.type,
            schemaVersion: event.schemaVersion, payload: event.payload, metadataJSON: event.metadata,
            recordedAtMilliseconds: 0, hash: Data())
    }

    @Test func anEventRoundTripsThroughItsEnvelope() throws {
        let event = Sample(title: "ایده‌ای نو", at: Date(timeIntervalSince1970: 1_763_713_800.25))
        let envelope = try NewEvent(event, metadata: EventMetadata(actorId: "p-1"))
        #expect(envelope.type == "sample.happened" && envelope.schemaVersion == 2)
        #expect(try recorded(envelope).decode(as: Sample.self) == event)
        #expect(try recorded(envelope).decode(as: Other.self) == nil)
    }

    @Test func equalEventsEncodeToEqualBytes() throws {
        let first = try NewEvent(Other(n: 3), metadata: EventMetadata())
        let second = try NewEvent(Other(n: 3), metadata: EventMetadata())
        #expect(first.payload == second.payload)
        #expect(first.id != second.id)
    }
}
