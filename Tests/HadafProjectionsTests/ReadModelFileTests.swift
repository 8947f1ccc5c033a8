import Foundation
import GRDB
@testable import HadafProjections
import HadafTestSupport
import Testing

/// A new read-model file, served or scratch, is made with the larger pages a rebuild writes
/// fastest into; the size must be set before GRDB turns on WAL, or SQLite keeps its default.
@Suite("Read-model files")
struct ReadModelFileTests {
    @Test func aNewReadModelHasLargePagesAndKeepsWAL() throws {
        let directory = try TemporaryDirectory()
        let model = try ReadModel(path: directory.path("served.sqlite"))
        let (pageSize, journal) = try model.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(pageSize == ReadModel.pageSize && pageSize != 4096)
        #expect(journal == "wal")
    }

    @Test func aScratchFileHasLargePages() throws {
        let directory = try TemporaryDirectory()
        let scratch = try ReadModel(scratchAt: directory.path("scratch.sqlite"))
        #expect(try scratch.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == ReadModel.pageSize)
    }

    @Test func anExistingFileKeepsItsPageSize() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE older (x)") }
        let model = try ReadModel(path: path)
        #expect(try model.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 4096)
    }
}
