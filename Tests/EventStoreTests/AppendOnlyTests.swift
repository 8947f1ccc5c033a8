import EventStore
import GRDB
import Testing

@Suite("The database refuses changes to stored events")
struct AppendOnlyTests {
    @Test(arguments: [
        "UPDATE events SET payload = '{}' WHERE position = 1",
        "DELETE FROM events WHERE position = 1",
        "DELETE FROM events",
        "UPDATE idempotency_keys SET first_position = 9",
        "DELETE FROM idempotency_keys",
    ])
    func updateAndDeleteThroughARawConnectionFail(sql: String) async throws {
        let test = try TestStore()
        _ = try await test.store.append([sampleEvent(1, metadata: EventMetadata(idempotencyKey: "k"))], to: "s")
        let raw = try DatabaseQueue(path: test.path)

        let error = try #require(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: sql) } }
        #expect(error.message?.contains("append-only") == true)
        #expect(try test.store.verify().isIntact)
        #expect(try test.store.read().count == 1)
    }
}
