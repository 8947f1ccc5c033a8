import EventStore
import Foundation
import GRDB
import Synchronization

/// Projectors rebuilt on a thread of their own, into a scratch file beside the read model,
/// while the runner folds the others into the read model: SQLite lets one connection write a
/// file at a time, so two folds can only use two cores when they write two files.
///
/// The scratch file holds the same shadow tables the read model would; ``swapIn(to:)`` copies
/// them into the read model and swaps them in, one projector per transaction, as a rebuild in
/// place does. Where the folds flush what they hold back depends on which thread ends first:
/// while the runner still folds the others, into the scratch file, on this thread (the read
/// model's one writer is busy); once it has finished (``othersFinishedFolding()``), into the read
/// model at the swap, after the copy, so that the ledger's million rows are written once rather
/// than written and then copied while the other core idles. The rows are the same either way.
/// The file is deleted by ``remove()``, whatever happened.
final class ApartRebuild: Sendable {
    /// A projector to rebuild and the generation its tables will have.
    struct Job: Sendable {
        let projector: any Projector
        let generation: Int
    }

    /// A projector rebuilt in the scratch file, with the checkpoint it will have once swapped in,
    /// and its fold when it was not flushed into the scratch file.
    ///
    /// The fold is handed from the thread that folded it to the one that swaps it in once that
    /// thread has ended, and nothing else holds it: handing it over is safe although folds are
    /// not `Sendable`.
    private struct Built: @unchecked Sendable {
        let projector: any Projector
        let names: TableNames
        let checkpoint: Checkpoint
        var fold: (any ProjectionFold)?
    }

    private let path: String
    private let work: BackgroundWork<[Built]>
    /// Set by the runner once the projectors it folds in place have folded the whole log.
    private let othersAreDone = Flag()

    /// Starts folding the jobs' projectors on another thread, from `pages`, up to a nil.
    init(_ jobs: [Job], of runner: ProjectionRunner, from pages: PageChannel<[RecordedEvent]?>) {
        // Beside the read model: on the disk chosen for read models, not in a temporary
        // directory that may be small (or memory).
        let path = "\(runner.model.path).rebuild-\(UUID().uuidString)"
        self.path = path
        work = BackgroundWork { [pages, othersAreDone] () throws(ProjectionError) in
            try Self.build(jobs, of: runner, from: pages, at: path, othersAreDone: othersAreDone)
        }
    }

    /// Tells the fold that the projectors folded in place are done, so that the read model's
    /// writer is free for the flush at the swap.
    func othersFinishedFolding() {
        othersAreDone.value.store(true, ordering: .releasing)
    }

    private static func build(
        _ jobs: [Job], of runner: ProjectionRunner, from pages: PageChannel<[RecordedEvent]?>, at path: String, othersAreDone: Flag
    ) throws(ProjectionError) -> [Built] {
        // However this ends, the reader must not wait for room to send pages no one will fold.
        defer { pages.stop() }
        let scratch = try ReadModel(scratchAt: path)
        let scratchRunner = ProjectionRunner(store: runner.store, model: scratch, projectors: jobs.map(\.projector), pageSize: runner.pageSize)
        var builds = jobs.map { ProjectionRunner.Build($0.projector, generation: $0.generation) }
        try scratchRunner.buildRecovering(&builds, pages: .channel(pages))
        if !othersAreDone.value.load(ordering: .acquiring) {
            try scratch.write { db in
                for build in builds { try build.fold?.flush(in: db) }
            }
            for index in builds.indices { BackgroundRelease.release(&builds[index].fold) }
        }
        return builds.map { Built(projector: $0.projector, names: $0.names, checkpoint: $0.checkpoint, fold: $0.fold) }
    }

    /// Waits for the fold to end, then, for each rebuilt projector in a transaction of its own,
    /// copies its scratch tables into `model`, flushes its fold there if it was not flushed, and
    /// swaps the tables in; throws what the fold threw.
    func swapIn(to model: ReadModel) throws(ProjectionError) {
        var built = try work.value()
        defer { for index in built.indices { BackgroundRelease.release(&built[index].fold) } }
        do {
            try model.writer.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS rebuilt", arguments: [path])
                defer { try? db.execute(sql: "DETACH DATABASE rebuilt") }
                for index in built.indices {
                    let rebuilt = built[index]
                    try db.inTransaction {
                        for table in rebuilt.projector.tables {
                            try db.execute(sql: "DROP TABLE IF EXISTS main.\(rebuilt.names.table(table))")
                        }
                        try rebuilt.projector.createTables(in: db, names: rebuilt.names)
                        for table in rebuilt.projector.tables {
                            let name = rebuilt.names.table(table)
                            try db.execute(sql: "INSERT INTO main.\(name) SELECT * FROM rebuilt.\(name)")
                        }
                        // A fold not flushed yet: its statements name its tables unqualified,
                        // and `main` comes before `rebuilt`.
                        try rebuilt.fold?.flush(in: db)
                        try ProjectionRunner.swapIn(rebuilt.projector, names: rebuilt.names, checkpoint: rebuilt.checkpoint, in: db)
                        return .commit
                    }
                    BackgroundRelease.release(&built[index].fold)
                }
            }
        } catch {
            throw .readModel(String(describing: error))
        }
    }

    /// Waits for the fold to end and deletes the scratch file.
    func remove() {
        work.wait()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A flag set on one thread and read on another.
    private final class Flag: Sendable {
        let value = Atomic(false)
    }
}
