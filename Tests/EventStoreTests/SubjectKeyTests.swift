import Crypto
import EventStore
import Foundation
import GRDB
import HadafTestSupport
import Testing

@Suite("Subject keys: created once, destroyable, never replaced")
struct SubjectKeyTests {
    private func bytes(_ key: SymmetricKey) -> Data { key.withUnsafeBytes { Data($0) } }

    @Test func aSubjectKeepsOneKeyUntilItIsDestroyed() throws {
        let test = try TestStore()
        let key = try test.store.subjectKey("participant:p-1")
        #expect(bytes(try test.store.subjectKey("participant:p-1")) == bytes(key))
        #expect(bytes(try test.store.subjectKey("participant:p-2")) != bytes(key))
        #expect(try test.store.storedSubjectKey("participant:p-3") == nil)

        try test.store.destroySubjectKey("participant:p-1")
        #expect(throws: EventStoreError.subjectKeyDestroyed("participant:p-1")) { try test.store.storedSubjectKey("participant:p-1") }
        #expect(throws: EventStoreError.subjectKeyDestroyed("participant:p-1")) { try test.store.subjectKey("participant:p-1") }
        #expect(bytes(try test.store.subjectKey("participant:p-2")).count == 32)
    }

    @Test func theDatabaseRefusesToReplaceAKeyOrForgetItsRow() throws {
        let test = try TestStore()
        _ = try test.store.subjectKey("s")
        let raw = try DatabaseQueue(path: test.directory.path("hadaf.keys.sqlite"))
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE subject_keys SET key = zeroblob(32)") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM subject_keys") } }
        #expect(try test.store.storedSubjectKey("s") != nil)
    }

    /// Every file beside the log, read whole.
    private func files(in test: TestStore) throws -> [(name: String, bytes: Data)] {
        try FileManager.default.contentsOfDirectory(atPath: test.directory.path("")).map { name in
            (name, (try? Data(contentsOf: URL(fileURLWithPath: test.directory.path(name)))) ?? Data())
        }
    }

    /// A reader that pins a snapshot of the log (a backup, a long audit) kept the WAL from being
    /// truncated, and the destroyed key with it: it was read back from the WAL. Keys now live in
    /// a file of their own with a rollback journal, and are in no file once destroyed, whatever
    /// the log's readers do.
    @Test func aDestroyedKeyIsInNoFileWhileAReaderPinsTheLog() throws {
        let test = try TestStore()
        let key = bytes(try test.store.subjectKey("participant:p-9"))
        _ = try test.store.subjectKey("participant:p-10")
        for index in 0..<50 { _ = try test.store.subjectKey("participant:filler-\(index)") }
        #expect(try files(in: test).contains { $0.bytes.range(of: key) != nil }, "the key is somewhere before it is destroyed")

        let pinned = try DatabasePool(path: test.path)
        try pinned.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events")
            try test.store.destroySubjectKey("participant:p-9")
            for file in try files(in: test) {
                #expect(file.bytes.range(of: key) == nil, "the destroyed key is still in \(file.name)")
            }
        }
        #expect(throws: EventStoreError.subjectKeyDestroyed("participant:p-9")) { try test.store.storedSubjectKey("participant:p-9") }
        #expect(try test.store.storedSubjectKey("participant:p-10") != nil)
    }

    /// An older log kept its keys in its own file: opening it moves them to the key file and
    /// blanks them in the log, destroyed ones staying destroyed.
    @Test func anOlderLogsKeysMoveToTheKeyFileAndLeaveTheLog() throws {
        let test = try TestStore()
        let legacy = SymmetricKey(size: .bits256)
        let raw = try DatabaseQueue(path: test.path)
        try raw.write { db in
            try db.execute(sql: "INSERT INTO subject_keys (subject, key, created_at) VALUES ('participant:old', ?, 1)", arguments: [bytes(legacy)])
            try db.execute(sql: "INSERT INTO subject_keys (subject, key, created_at, destroyed_at) VALUES ('participant:gone', NULL, 1, 2)")
        }
        let reopened = try EventStore.open(at: test.path)
        #expect(try reopened.storedSubjectKey("participant:old").map(bytes) == bytes(legacy))
        #expect(throws: EventStoreError.subjectKeyDestroyed("participant:gone")) { try reopened.storedSubjectKey("participant:gone") }
        let log = (try? Data(contentsOf: URL(fileURLWithPath: test.path))) ?? Data()
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: test.path + "-wal"))) ?? Data()
        #expect(log.range(of: bytes(legacy)) == nil && wal.range(of: bytes(legacy)) == nil)
    }
}
