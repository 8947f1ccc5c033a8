import EventStore
import GRDB
import Testing

@Suite("Durability settings")
struct DurabilityTests {
    @Test func theWriterCommitsWithSynchronousFull() throws {
        let test = try TestStore()
        // 2 is FULL: GRDB's pool would leave NORMAL (1) if the store did not set it afterwards.
        #expect(try test.store.writerSynchronousSetting() == 2)
    }

    @Test func theLogIsInWALMode() throws {
        let test = try TestStore()
        let mode = try DatabaseQueue(path: test.path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func sqliteKeepsNoMemoryStatistics() async throws {
        // Opened and used first, a connection would have made SQLite refuse the setting if it
        // came late.
        let test = try TestStore()
        _ = try await test.store.append([sampleEvent()], to: "idea-1")
        #expect(!SQLiteLibrary.keepsMemoryStatistics)
    }
}
