import EventStore
import Foundation
import GRDB

/// Runs projectors over the log: as a batch (`hadaf project --until-caught-up`), live (following
/// the log in a long-running process), or as a rebuild that builds beside the serving model and
/// swaps it in at once.
///
/// The log is read once, in pages, for all projectors. For each projector the part of a page
/// beyond its checkpoint is applied in one transaction that also moves the checkpoint. A
/// projector that throws stops at that event: everything before it is committed, the position and
/// the error are recorded in its status, and the other projectors go on.
public struct ProjectionRunner: Sendable {
    let store: EventStore
    let model: ReadModel
    let projectors: [any Projector]
    let pageSize: Int

    public init(store: EventStore, model: ReadModel, projectors: [any Projector], pageSize: Int = 5000) {
        self.store = store
        self.model = model
        self.projectors = projectors
        self.pageSize = max(1, pageSize)
    }

    // MARK: - Batch and live

    /// Brings every working projector up to the log's head as it is when called. A projector
    /// seen for the first time gets its tables; one whose version changed is rebuilt first.
    @discardableResult
    public func catchUp(progress: (Int64) -> Void = { _ in }) throws(ProjectionError) -> [ProjectorStatus] {
        let head = try logHead()
        var checkpoints = try prepare()
        var next = (checkpoints.filter { $0.value.failure == nil }.map(\.value.position).min() ?? head) + 1
        while next <= head {
            let page = try read(from: next, limit: min(pageSize, Int(head - next + 1)))
            guard let last = page.last?.position else { break }
            for projector in projectors {
                guard var checkpoint = checkpoints[projector.name], checkpoint.failure == nil, checkpoint.position < last else { continue }
                checkpoint = try apply(page, to: projector, from: checkpoint)
                checkpoints[projector.name] = checkpoint
            }
            progress(last)
            next = last + 1
        }
        return try status()
    }

    /// Catches up, then applies each new commit as it lands, until the task is cancelled.
    public func follow(idleCheck: Duration = .seconds(1)) async throws(ProjectionError) {
        var caughtUp = try catchUp()
        while !Task.isCancelled {
            let position = caughtUp.map(\.position).max() ?? 0
            do { _ = try await store.waitFor(position: position + 1, timeout: idleCheck) } catch { throw .log(error) }
            caughtUp = try catchUp()
        }
    }

    // MARK: - Rebuild

    /// Rebuilds the named projectors (all when `names` is nil) from the start of the log into
    /// shadow tables, then swaps each in with one transaction: readers see the old model until
    /// the swap and the new one after it, never a half-built one.
    @discardableResult
    public func rebuild(_ names: [String]? = nil) throws(ProjectionError) -> [ProjectorStatus] {
        for name in names ?? [] where !projectors.contains(where: { $0.name == name }) { throw .unknownProjector(name) }
        _ = try prepare()
        for projector in projectors where names?.contains(projector.name) ?? true {
            try rebuild(projector)
        }
        return try status()
    }

    private func rebuild(_ projector: any Projector) throws(ProjectionError) {
        let current = try model.read { try Checkpoint.load(projector.name, $0) }
        let generation = (current?.generation ?? 0) + 1
        let shadow = TableNames.shadow(generation: generation)
        try model.write { db in
            for table in projector.tables { try db.execute(sql: "DROP TABLE IF EXISTS \(shadow.table(table))") }
            try projector.createTables(in: db, names: shadow)
        }
        var built = Checkpoint(version: projector.version, position: 0, generation: generation, failure: nil)
        while true {
            let head = try logHead()
            guard built.position < head else { break }
            let page = try read(from: built.position + 1, limit: pageSize)
            guard !page.isEmpty else { break }
            built = try apply(page, to: projector, from: built, names: shadow, savesCheckpoint: false)
            if built.failure != nil { break }
        }
        let finished = built
        try model.write { db in
            for table in projector.tables {
                try db.execute(sql: "DROP TABLE IF EXISTS \(TableNames.serving(generation: 0).table(table))")
                try db.execute(sql: "ALTER TABLE \(shadow.table(table)) RENAME TO \(TableNames.serving(generation: 0).table(table))")
            }
            try finished.save(projector.name, db)
        }
    }

    // MARK: - Status

    /// Each projector's position, lag, content hash and failure.
    public func status() throws(ProjectionError) -> [ProjectorStatus] {
        let head = try logHead()
        return try model.read { db in
            try projectors.map { projector in
                let checkpoint = try Checkpoint.load(projector.name, db)
                    ?? Checkpoint(version: projector.version, position: 0, generation: 0, failure: nil)
                let hash = checkpoint.generation == 0 ? "" : try ContentHash.of(projector.tables, names: .serving(generation: checkpoint.generation), in: db)
                return ProjectorStatus(
                    name: projector.name, version: checkpoint.version, position: checkpoint.position,
                    lag: max(0, head - checkpoint.position), contentHash: hash, failure: checkpoint.failure)
            }
        }
    }

    // MARK: - Applying pages

    /// Creates missing projectors' tables and rebuilds those whose version changed; returns
    /// every checkpoint.
    private func prepare() throws(ProjectionError) -> [String: Checkpoint] {
        var checkpoints: [String: Checkpoint] = [:]
        for projector in projectors {
            let existing = try model.read { try Checkpoint.load(projector.name, $0) }
            if let existing, existing.version == projector.version {
                checkpoints[projector.name] = existing
            } else if existing != nil {
                try rebuild(projector)
                checkpoints[projector.name] = try model.read { try Checkpoint.load(projector.name, $0) }
            } else {
                let fresh = Checkpoint(version: projector.version, position: 0, generation: 1, failure: nil)
                try model.write { db in
                    try projector.createTables(in: db, names: .serving(generation: 1))
                    try fresh.save(projector.name, db)
                }
                checkpoints[projector.name] = fresh
            }
        }
        return checkpoints
    }

    /// Applies the page's events beyond the checkpoint; returns the new checkpoint (with the
    /// failure, when an event failed: everything before it is committed).
    private func apply(
        _ page: [RecordedEvent], to projector: any Projector, from checkpoint: Checkpoint,
        names: TableNames? = nil, savesCheckpoint: Bool = true
    ) throws(ProjectionError) -> Checkpoint {
        let names = names ?? .serving(generation: checkpoint.generation)
        let events = page.filter { $0.position > checkpoint.position }
        guard let last = events.last?.position else { return checkpoint }
        var failedAt: (index: Int, message: String)?
        var advanced = checkpoint
        advanced.position = last
        do {
            try model.pool.write { db in
                for (index, event) in events.enumerated() where projector.eventTypes.contains(event.type) {
                    do {
                        try projector.apply(event, in: db, names: names)
                    } catch {
                        failedAt = (index, String(describing: error))
                        throw error
                    }
                }
                if savesCheckpoint { try advanced.save(projector.name, db) }
            }
            return advanced
        } catch {
            guard let failedAt else { throw .readModel(String(describing: error)) }
            // Commit what came before the failing event, and record where and why it stopped.
            let failing = events[failedAt.index]
            var stopped = checkpoint
            stopped.position = failing.position - 1
            stopped.failure = ProjectorStatus.Failure(position: failing.position, message: "\(failing.type): \(failedAt.message)")
            let before = events.prefix(failedAt.index)
            let final = stopped
            try model.write { db in
                for event in before where projector.eventTypes.contains(event.type) { try projector.apply(event, in: db, names: names) }
                if savesCheckpoint { try final.save(projector.name, db) }
            }
            return stopped
        }
    }

    private func read(from position: Int64, limit: Int) throws(ProjectionError) -> [RecordedEvent] {
        do { return try store.read(from: position, limit: limit) } catch { throw .log(error) }
    }

    private func logHead() throws(ProjectionError) -> Int64 {
        do { return try store.head()?.position ?? 0 } catch { throw .log(error) }
    }
}
