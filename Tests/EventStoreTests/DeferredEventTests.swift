import EventStore
import Foundation
import Testing

@Suite("Events parked by an append and appended later in a batch")
struct DeferredEventTests {
    private func parked(_ number: Int, id: UUID = UUID()) throws -> DeferredEvent {
        DeferredEvent(batch: "credits:s1", stream: "s1-credits", event: try sampleEvent(number, type: "credit.recorded", id: id))
    }

    @Test func parkedEventsWaitOutsideTheLogThenAppendInIdOrder() async throws {
        let test = try TestStore()
        let ids = (0..<5).map { _ in UUID() }
        for (number, id) in ids.enumerated() {
            _ = try await test.store.append([sampleEvent(number)], to: "answers", deferring: [parked(number, id: id)])
        }
        #expect(try test.store.deferredCount(batch: "credits:s1") == 5)
        #expect(try test.store.readStream("s1-credits").isEmpty)

        #expect(try await test.store.appendDeferred(batch: "credits:s1") == 5)
        let credits = try test.store.readStream("s1-credits")
        let sorted = ids.sorted { $0.uuidBytes.lexicographicallyPrecedes($1.uuidBytes) }
        #expect(credits.map(\.id) == sorted)
        // They were appended together, after every answer.
        #expect(credits.map(\.position) == Array(6...10))
        #expect(try test.store.deferredCount(batch: "credits:s1") == 0)
        #expect(try await test.store.appendDeferred(batch: "credits:s1") == 0)
        #expect(try test.store.verify().isIntact)
    }

    @Test func theSameParkedIdIsParkedOnceAndARefusedAppendParksNothing() async throws {
        let test = try TestStore()
        let id = UUID()
        _ = try await test.store.append([sampleEvent(1)], to: "answers", deferring: [parked(1, id: id)])
        _ = try await test.store.append([sampleEvent(2)], to: "answers", deferring: [parked(1, id: id)])
        await #expect(throws: EventStoreError.self) {
            try await test.store.append([sampleEvent(3)], to: "answers", expectedVersion: .exact(9), deferring: [parked(3)])
        }
        #expect(try test.store.deferredCount(batch: "credits:s1") == 1)
        _ = try await test.store.appendDeferred(batch: "credits:s1")
        // Parking an id that is already in the log parks nothing.
        _ = try await test.store.append([sampleEvent(4)], to: "answers", deferring: [parked(1, id: id)])
        #expect(try test.store.deferredCount(batch: "credits:s1") == 0)
    }
}

extension UUID {
    var uuidBytes: [UInt8] { withUnsafeBytes(of: uuid) { Array($0) } }
}
