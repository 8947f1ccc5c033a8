import Crypto
import EventStore
import Foundation
import GRDB
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
        let raw = try DatabaseQueue(path: test.path)
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE subject_keys SET key = zeroblob(32)") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM subject_keys") } }
        #expect(try test.store.storedSubjectKey("s") != nil)
    }

    @Test func aDestroyedKeysBytesAreGoneFromTheFile() throws {
        let test = try TestStore()
        let key = bytes(try test.store.subjectKey("participant:p-9"))
        _ = try test.store.subjectKey("participant:p-10")
        let truncated = try test.store.destroySubjectKey("participant:p-9")
        #expect(truncated)
        for suffix in ["", "-wal"] {
            let file = (try? Data(contentsOf: URL(fileURLWithPath: test.path + suffix))) ?? Data()
            #expect(file.range(of: key) == nil, "the key is still in hadaf.sqlite\(suffix)")
        }
    }
}
