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
}
