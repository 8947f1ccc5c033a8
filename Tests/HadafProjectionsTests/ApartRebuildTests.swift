import EventStore
import Foundation
import GRDB
import HadafProjections
import Testing

/// A rebuild apart flushes what its folds hold back either into its scratch file (when it ends
/// while the other thread still folds) or into the read model at the swap (when it ends last);
/// both must give the model a rebuild in place gives.
@Suite("Projectors rebuilt apart")
struct ApartRebuildTests {
    @Test func aFoldThatEndsFirstFlushesIntoItsScratchFileAndGivesTheSameModel() async throws {
        let log = try ProjectionLog()
        for text in ["one", "two", "three", "four", "five"] { try await log.note(text) }
        let expected = try HoldingProjector.rebuiltInPlace(from: log)
        // The projector folded in place is slow, so the one apart ends first.
        let statuses = try log.runner([RecordingProjector().delayed(by: .milliseconds(100)), HoldingProjector(rebuildsApart: true)]).rebuild()
        #expect(statuses.allSatisfy { $0.failure == nil && $0.position == 5 })
        #expect(try log.heldRows() == expected)
    }

    @Test func aFoldThatEndsLastFlushesIntoTheReadModelAndGivesTheSameModel() async throws {
        let log = try ProjectionLog()
        for text in ["one", "two", "three", "four", "five"] { try await log.note(text) }
        let expected = try HoldingProjector.rebuiltInPlace(from: log)
        // The projector apart is slow, so the one in place ends first.
        let statuses = try log.runner([RecordingProjector(), HoldingProjector(rebuildsApart: true, delay: .milliseconds(100))]).rebuild()
        #expect(statuses.allSatisfy { $0.failure == nil && $0.position == 5 })
        #expect(try log.heldRows() == expected)
        #expect(try log.rows("SELECT position FROM seen ORDER BY position").map { $0[0] as Int64 } == [1, 2, 3, 4, 5])
    }
}

extension ProjectionLog {
    /// The rows of ``HoldingProjector``'s table, in order.
    func heldRows() throws -> [String] {
        try rows("SELECT position, text FROM held ORDER BY position").map { "\($0[0] as Int64):\($0[1] as String)" }
    }
}

/// A projector whose fold holds every row until it is flushed, as the ledger's does, and may
/// take its time over each event.
struct HoldingProjector: Projector {
    let name = "holding"
    let version = 1
    let tables = ["held"]
    let eventTypes: Set<String> = ["test.noted"]
    var rebuildsApart = false
    var delay: Duration = .zero

    func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: "CREATE TABLE \(names.table("held")) (position INTEGER PRIMARY KEY, text TEXT NOT NULL)")
    }

    func makeFold(names: TableNames, startsEmpty _: Bool) -> any ProjectionFold {
        Fold(table: names.table("held"), delay: delay)
    }

    /// The rows a rebuild of this projector alone, in place, gives.
    static func rebuiltInPlace(from log: ProjectionLog, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try log.runner([HoldingProjector()]).rebuild()
        let rows = try log.heldRows()
        #expect(rows.count == 5, sourceLocation: sourceLocation)
        return rows
    }

    final class Fold: ProjectionFold {
        let table: String
        let delay: Duration
        var held: [(Int64, String)] = []

        init(table: String, delay: Duration) {
            self.table = table
            self.delay = delay
        }

        func apply(_ event: RecordedEvent, in _: Database) throws {
            pause(for: delay)
            held.append((event.position, String(decoding: event.payload, as: UTF8.self)))
        }

        func flush(in db: Database) throws {
            for (position, text) in held {
                try db.execute(sql: "INSERT INTO \(table) (position, text) VALUES (?, ?)", arguments: [position, text])
            }
            held = []
        }
    }
}

/// A row-by-row projector that takes its time over each event.
struct DelayedProjector<Base: RowByRowProjector>: RowByRowProjector {
    let base: Base
    let delay: Duration

    var name: String { base.name }
    var version: Int { base.version }
    var tables: [String] { base.tables }
    var eventTypes: Set<String> { base.eventTypes }

    func createTables(in db: Database, names: TableNames) throws {
        try base.createTables(in: db, names: names)
    }

    func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        pause(for: delay)
        try base.apply(event, in: db, names: names)
    }
}

extension RowByRowProjector {
    func delayed(by delay: Duration) -> DelayedProjector<Self> {
        DelayedProjector(base: self, delay: delay)
    }
}

/// Blocks the folding thread for `duration`: a fold runs synchronously, inside its transaction.
private func pause(for duration: Duration) {
    guard duration > .zero else { return }
    Thread.sleep(forTimeInterval: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}
