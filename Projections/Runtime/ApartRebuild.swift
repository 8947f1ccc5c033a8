import EventStore
import Foundation
import GRDB

/// Projectors rebuilt on a thread of their own, into a scratch file beside the read model,
/// while the runner folds the others into the read model: SQLite lets one connection write a
/// file at a time, so two folds can only use two cores when they write two files.
///
/// The scratch file holds the same shadow tables the read model would; ``swapIn(to:)`` copies
/// them into the read model and swaps them in, one projector per transaction, as a rebuild in
/// place does. The file is deleted by ``remove()``, whatever happened.
final class ApartRebuild: Sendable {
    /// A projector to rebuild and the generation its tables will have.
    struct Job: Sendable {
        let projector: any Projector
        let generation: Int
    }

    /// A projector rebuilt in the scratch file, with the checkpoint it will have once swapped in.
    private struct Built: Sendable {
        let projector: any Projector
        let names: TableNames
        let checkpoint: Checkpoint
    }

    private let path: String
    private let work: BackgroundWork<[Built]>

    /// Starts folding the jobs' projectors on another thread, from `pages`, up to a nil.
    init(_ jobs: [Job], of runner: ProjectionRunner, from pages: PageChannel<[RecordedEvent]?>) {
        // Beside the read model: on the disk chosen for read models, not in a temporary
        // directory that may be small (or memory).
        let path = "\(runner.model.path).rebuild-\(UUID().uuidString)"
        self.path = path
        work = BackgroundWork { [pages] () throws(ProjectionError) in try Self.build(jobs, of: runner, from: pages, at: path) }
    }

    private static func build(
        _ jobs: [Job], of runner: ProjectionRunner, from pages: PageChannel<[RecordedEvent]?>, at path: String
    ) throws(ProjectionError) -> [Built] {
        // However this ends, the reader must not wait for room to send pages no one will fold.
        defer { pages.stop() }
        let scratch = try ReadModel(path: path)
        let scratchRunner = ProjectionRunner(store: runner.store, model: scratch, projectors: jobs.map(\.projector), pageSize: runner.pageSize)
        var builds = jobs.map { ProjectionRunner.Build($0.projector, generation: $0.generation) }
        try scratchRunner.buildRecovering(&builds, pages: .channel(pages))
        try scratch.write { db in
            for build in builds { try build.fold?.flush(in: db) }
        }
        for index in builds.indices { BackgroundRelease.release(&builds[index].fold) }
        return builds.map { Built(projector: $0.projector, names: $0.names, checkpoint: $0.checkpoint) }
    }

    /// Waits for the fold to end, then copies each rebuilt projector's tables into `model` and
    /// swaps them in, one transaction per projector; throws what the fold threw.
    func swapIn(to model: ReadModel) throws(ProjectionError) {
        let built = try work.value()
        do {
            try model.pool.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS rebuilt", arguments: [path])
                defer { try? db.execute(sql: "DETACH DATABASE rebuilt") }
                for rebuilt in built {
                    try db.inTransaction {
                        for table in rebuilt.projector.tables {
                            try db.execute(sql: "DROP TABLE IF EXISTS main.\(rebuilt.names.table(table))")
                        }
                        try rebuilt.projector.createTables(in: db, names: rebuilt.names)
                        for table in rebuilt.projector.tables {
                            let name = rebuilt.names.table(table)
                            try db.execute(sql: "INSERT INTO main.\(name) SELECT * FROM rebuilt.\(name)")
                        }
                        try ProjectionRunner.swapIn(rebuilt.projector, names: rebuilt.names, checkpoint: rebuilt.checkpoint, in: db)
                        return .commit
                    }
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
}
