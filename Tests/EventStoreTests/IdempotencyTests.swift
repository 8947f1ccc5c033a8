import EventStore
import Foundation
import Testing

@Suite("Idempotent appends")
struct IdempotencyTests {
    @Test func aRetryWithTheSameEventIdsReturnsTheFirstPositionsAndWritesNothing() async throws {
        let test = try TestStore()
        let events = try [sampleEvent(1), sampleEvent(2)]
        _ = try await test.store.append([sampleEvent(0)], to: "other")
        let first = try await test.store.append(events, to: "idea-9", expectedVersion: .noStream)
        _ = try await test.store.append([sampleEvent(3)], to: "idea-9")
        // The retry's expected version is stale, yet it is recognised as the same append.
        let retry = try await test.store.append(events, to: "idea-9", expectedVersion: .noStream)

        #expect(retry.positions == first.positions)
        #expect(retry.lastStreamVersion == first.lastStreamVersion)
        #expect(retry.wasAlreadyStored && !first.wasAlreadyStored)
        #expect(try test.store.head()?.position == 4)
    }

    @Test func aRetriedSingleEventWithAStaleExpectedVersionReturnsItsFirstPosition() async throws {
        let test = try TestStore()
        let event = try sampleEvent(1)
        let first = try await test.store.append([event], to: "idea-3", expectedVersion: .noStream)
        let retry = try await test.store.append([event], to: "idea-3", expectedVersion: .noStream)
        #expect(retry.positions == first.positions && retry.wasAlreadyStored)

        let stored = try sampleEvent(2)
        _ = try await test.store.append([stored], to: "other")
        await #expect(throws: EventStoreError.eventIdConflict(id: stored.id)) {
            try await test.store.append([stored], to: "idea-3", expectedVersion: .exact(1))
        }
        #expect(try test.store.head()?.position == 2)
    }

    @Test func storedIdsInAnotherStreamOrOnlyPartlyStoredAreAConflict() async throws {
        let test = try TestStore()
        let stored = try sampleEvent(1)
        _ = try await test.store.append([stored], to: "idea-1")

        await #expect(throws: EventStoreError.eventIdConflict(id: stored.id)) {
            try await test.store.append([stored], to: "idea-2")
        }
        await #expect(throws: EventStoreError.eventIdConflict(id: stored.id)) {
            try await test.store.append([stored, sampleEvent(2)], to: "idea-1")
        }
        #expect(try test.store.head()?.position == 1)
    }

    @Test func aReusedIdempotencyKeyReturnsTheFirstResultForTheSameContent() async throws {
        let test = try TestStore()
        let metadata = EventMetadata(actorId: "p-1", idempotencyKey: "form-submit-123")
        // A retried command decides again: new event ids, same content, same key.
        let first = try await test.store.append([sampleEvent(1, metadata: metadata)], to: "idea-1")
        let retry = try await test.store.append([sampleEvent(1, metadata: metadata)], to: "idea-1")

        #expect(retry.positions == first.positions)
        #expect(retry.wasAlreadyStored)
        #expect(try test.store.head()?.position == 1)
    }

    @Test func aReusedIdempotencyKeyWithOtherContentIsRefused() async throws {
        let test = try TestStore()
        let metadata = EventMetadata(idempotencyKey: "form-submit-123")
        _ = try await test.store.append([sampleEvent(1, metadata: metadata)], to: "idea-1")

        await #expect(throws: EventStoreError.idempotencyKeyReused(key: "form-submit-123")) {
            try await test.store.append([sampleEvent(2, metadata: metadata)], to: "idea-1")
        }
        await #expect(throws: EventStoreError.idempotencyKeyReused(key: "form-submit-123")) {
            try await test.store.append([sampleEvent(1, metadata: metadata)], to: "idea-2")
        }
        #expect(try test.store.head()?.position == 1)
    }

    @Test func eventsOfOneAppendMustShareTheirIdempotencyKey() async throws {
        let test = try TestStore()
        await #expect(throws: EventStoreError.mixedIdempotencyKeys) {
            try await test.store.append(
                [sampleEvent(1, metadata: EventMetadata(idempotencyKey: "a")), sampleEvent(2, metadata: EventMetadata(idempotencyKey: "b"))],
                to: "s")
        }
    }

    @Test func concurrentRetriesOfOneKeyWriteOnce() async throws {
        let test = try TestStore()
        let metadata = EventMetadata(idempotencyKey: "double-click")
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for _ in 0..<20 {
                group.addTask { try await test.store.append([sampleEvent(7, metadata: metadata)], to: "idea-5") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(results.map(\.positions)).count == 1)
        #expect(results.filter { !$0.wasAlreadyStored }.count == 1)
        #expect(try test.store.head()?.position == 1)
    }
}
