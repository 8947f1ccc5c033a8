import EventStore
import Foundation
import GRDB

/// Runs projectors over the log: as a batch (`hadaf project --until-caught-up`), live (following
/// the log in a long-running process), or as a rebuild that builds beside the serving model and
/// swaps it in at once.
///
/// The log is read once, in pages, for all projectors. Each projector keeps one fold for the
/// whole run (its state stays in memory between pages). For each projector the part of a page
/// beyond its checkpoint is applied and flushed in one transaction that also moves the
/// checkpoint. A projector that throws stops at that event: everything before it is committed,
/// the position and the error are recorded in its status, and the other projectors go on.
public struct ProjectionRunner: Sendable {
    let store: EventStore
    /// The read model the projectors write.
    public let model: ReadModel
    let projectors: [any Projector]
    let pageSize: Int

    /// `pageSize` events are read, folded and committed at a time: larger pages mean fewer
    /// flushes of what the folds hold back, smaller ones less memory and shorter transactions.
    public init(store: EventStore, model: ReadModel, projectors: [any Projector], pageSize: Int = 20_000) {
        self.store = store
        self.model = model
        self.projectors = projectors
        self.pageSize = max(1, pageSize)
    }

    // MARK: - Batch and live

    /// Brings every working projector up to the log's head as it is when called. A projector
    /// seen for the first time gets its tables; one whose version changed is rebuilt first.
    /// Returns the statuses without content hashes (``status(withContentHashes:)`` gives them).
    @discardableResult
    public func catchUp(progress: (Int64) -> Void = { _ in }) throws(ProjectionError) -> [ProjectorStatus] {
        var folds = HeldFolds()
        return try catchUp(keeping: &folds, progress: progress)
    }

    /// Catches up with the folds `held` kept from earlier catch-ups (see ``follow(idleCheck:gathering:)``).
    func catchUp(keeping held: inout HeldFolds, progress: (Int64) -> Void = { _ in }) throws(ProjectionError) -> [ProjectorStatus] {
        let head = try logHead()
        var checkpoints = try prepare()
        held.keepCurrent(checkpoints)
        var next = (checkpoints.filter { $0.value.failure == nil }.map(\.value.position).min() ?? head) + 1
        while next <= head {
            let page = try read(from: next, limit: min(pageSize, Int(head - next + 1)))
            guard let last = page.last?.position else { break }
            for projector in projectors {
                guard let checkpoint = checkpoints[projector.name], checkpoint.failure == nil, checkpoint.position < last else { continue }
                let committed = try commit(page, to: projector, from: checkpoint, fold: &held.folds[projector.name])
                checkpoints[projector.name] = committed
                held.committed[projector.name] = committed
            }
            progress(last)
            next = last + 1
        }
        return try status(withContentHashes: false)
    }

    // MARK: - Rebuild

    /// Rebuilds the named projectors (all when `names` is nil) from the start of the log into
    /// shadow tables, reading the log once for all of them (and once more for those that rebuild
    /// apart, on another core), then swaps each in with one transaction: readers see the old
    /// model until the swap and the new one after it, never a half-built one.
    @discardableResult
    public func rebuild(_ names: [String]? = nil) throws(ProjectionError) -> [ProjectorStatus] {
        for name in names ?? [] where !projectors.contains(where: { $0.name == name }) { throw .unknownProjector(name) }
        _ = try prepare()
        try rebuild(projectors.filter { names?.contains($0.name) ?? true })
        return try status(withContentHashes: false)
    }

    /// One projector's rebuild in progress.
    struct Build {
        let projector: any Projector
        let names: TableNames
        var checkpoint: Checkpoint
        var fold: (any ProjectionFold)?

        init(_ projector: any Projector, generation: Int) {
            self.projector = projector
            names = .shadow(generation: generation)
            checkpoint = Checkpoint(version: projector.version, position: 0, generation: generation, failure: nil)
        }
    }

    /// Rebuilds `chosen` into shadow tables and swaps each in. When several are rebuilt on a
    /// machine with more than one core, those that rebuild apart fold on another thread into a
    /// scratch file (``ApartRebuild``) while the others fold here, both from the pages a third
    /// thread reads (``SharedLogRead``).
    private func rebuild(_ chosen: [any Projector]) throws(ProjectionError) {
        let parallel = chosen.count > 1 && ProcessInfo.processInfo.activeProcessorCount > 1
        var here: [Build] = []
        var apart: [ApartRebuild.Job] = []
        for projector in chosen {
            let current = try model.read { try Checkpoint.load(projector.name, $0) }
            let generation = (current?.generation ?? 0) + 1
            if parallel && projector.rebuildsApart {
                apart.append(ApartRebuild.Job(projector: projector, generation: generation))
            } else {
                here.append(Build(projector, generation: generation))
            }
        }
        let read = apart.isEmpty ? nil : SharedLogRead(of: self, receivers: 2)
        let elsewhere = read.map { ApartRebuild(apart, of: self, from: $0.channels[1]) }
        defer { elsewhere?.remove() }
        try buildRecovering(&here, pages: read.map { .channel($0.channels[0]) } ?? .log)
        elsewhere?.othersFinishedFolding()
        // The pages ended at the head, not at an error, before anything is swapped in.
        try read?.checkEnd()
        // Flushed and swapped in while the other thread may still be folding.
        for index in here.indices {
            try model.write { db in
                try here[index].fold?.flush(in: db)
                try Self.swapIn(here[index].projector, names: here[index].names, checkpoint: here[index].checkpoint, in: db)
            }
            BackgroundRelease.release(&here[index].fold)
        }
        if let elsewhere { try elsewhere.swapIn(to: model) }
    }

    /// Where a rebuild's pages of the log come from.
    enum PageSource {
        /// Read from the log here.
        case log
        /// Received from a channel that another thread's reads fill, up to a nil.
        case channel(PageChannel<[RecordedEvent]?>)
    }

    /// Folds the log, from `pages`, into each build's shadow tables up to the head; a build whose
    /// fold failed is built again, alone, from the log up to the event before the failure,
    /// keeping the failure in its checkpoint (its fold held events that never committed). What
    /// the folds hold back is left to the swap.
    func buildRecovering(_ builds: inout [Build], pages: PageSource = .log) throws(ProjectionError) {
        try build(&builds, through: nil, pages: pages)
        for index in builds.indices {
            guard let failure = builds[index].checkpoint.failure else { continue }
            var again = [Build(builds[index].projector, generation: builds[index].checkpoint.generation)]
            try build(&again, through: failure.position - 1, pages: .log)
            again[0].checkpoint.failure = failure
            builds[index] = again[0]
        }
    }

    /// Replaces the projector's serving tables in `main` with its rebuilt ones, drops its retired
    /// tables, and saves its checkpoint, in the caller's transaction.
    static func swapIn(_ projector: any Projector, names: TableNames, checkpoint: Checkpoint, in db: Database) throws {
        let serving = TableNames.serving(generation: 0)
        for table in projector.retiredTables {
            try db.execute(sql: "DROP TABLE IF EXISTS main.\(serving.table(table))")
        }
        for table in projector.tables {
            try db.execute(sql: "DROP TABLE IF EXISTS main.\(serving.table(table))")
            try db.execute(sql: "ALTER TABLE main.\(names.table(table)) RENAME TO \(serving.table(table))")
        }
        try checkpoint.save(projector.name, db)
    }

    /// Folds the log into fresh shadow tables for each build, up to `limit` (the head when nil),
    /// leaving what the folds hold back to the swap.
    private func build(_ builds: inout [Build], through limit: Int64?, pages: PageSource) throws(ProjectionError) {
        // However this ends, a reader sending to the channel must not wait for room in it.
        defer { if case .channel(let channel) = pages { channel.stop() } }
        for build in builds {
            try model.write { db in
                for table in build.projector.tables { try db.execute(sql: "DROP TABLE IF EXISTS \(build.names.table(table))") }
                try build.projector.createTables(in: db, names: build.names)
            }
        }
        switch pages {
        case .log:
            var next: Int64 = 1
            while let page = try nextPage(from: &next, through: limit) { try fold(page, into: &builds) }
        case .channel(let channel):
            while let page = channel.receive() { try fold(page, into: &builds) }
        }
    }

    /// Folds one page into every build that has not failed.
    private func fold(_ page: [RecordedEvent], into builds: inout [Build]) throws(ProjectionError) {
        // Each event's type looked up once for all the builds, not once per build.
        let eventsByType = Dictionary(grouping: page.indices) { page[$0].type }
        for index in builds.indices where builds[index].checkpoint.failure == nil {
            let wanted = builds[index].projector.eventTypes.flatMap { eventsByType[$0] ?? [] }.sorted()
            try fold(page, wanted, into: &builds[index])
        }
    }

    /// Folds the page's `wanted` events (indices in the page, in order) into a build's shadow
    /// tables in one transaction, without flushing; on a failure, records it in the build's
    /// checkpoint, drops the fold and leaves the recovery to the caller.
    private func fold(_ page: [RecordedEvent], _ wanted: [Int], into build: inout Build) throws(ProjectionError) {
        let fold = build.fold ?? build.projector.makeFold(names: build.names, startsEmpty: true)
        var failure: ProjectorStatus.Failure?
        do {
            try model.writer.write { db in
                // Through a buffer, so that each event is lent to the fold rather than copied.
                try page.withUnsafeBufferPointer { events in
                    for index in wanted {
                        do { try fold.applyTolerantly(events[index], by: build.projector.name, in: db) } catch {
                            // The storage failing is not the event's fault: thrown, so the run stops
                            // and is tried again, rather than recorded against the projector.
                            if !(error is DatabaseError) {
                                failure = ProjectorStatus.Failure(position: events[index].position, message: "\(events[index].type): \(error)")
                            }
                            throw error
                        }
                    }
                }
            }
            build.fold = fold
            build.checkpoint.position = page.last?.position ?? build.checkpoint.position
        } catch {
            guard let failure else { throw .readModel(String(describing: error)) }
            build.checkpoint.failure = failure
            build.fold = nil
        }
    }

    // MARK: - Status

    /// Each projector's position, lag, failure, and the content hash of its tables unless
    /// `withContentHashes` is false (the hash reads every row of the model).
    public func status(withContentHashes: Bool = true) throws(ProjectionError) -> [ProjectorStatus] {
        let head = try logHead()
        return try model.read { db in
            try projectors.map { projector in
                let checkpoint = try Checkpoint.load(projector.name, db)
                    ?? Checkpoint(version: projector.version, position: 0, generation: 0, failure: nil)
                let hash = checkpoint.generation == 0 || !withContentHashes
                    ? nil : try ContentHash.of(projector.tables, names: .serving(generation: checkpoint.generation), in: db)
                return ProjectorStatus(
                    name: projector.name, version: checkpoint.version, position: checkpoint.position,
                    lag: max(0, head - checkpoint.position), contentHash: hash, failure: checkpoint.failure)
            }
        }
    }

    /// Creates the tables of projectors that have none yet (and rebuilds those whose version
    /// changed), so that readers find every table before a first catch-up has ended.
    public func prepareTables() throws(ProjectionError) {
        _ = try prepare()
    }

    // MARK: - Committing pages

    /// Creates missing projectors' tables and rebuilds those whose version changed; returns
    /// every checkpoint.
    private func prepare() throws(ProjectionError) -> [String: Checkpoint] {
        var checkpoints: [String: Checkpoint] = [:]
        for projector in projectors {
            let existing = try model.read { try Checkpoint.load(projector.name, $0) }
            if let existing, existing.version == projector.version {
                checkpoints[projector.name] = existing
            } else if existing != nil {
                try rebuild([projector])
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

    /// Applies the page's events beyond the checkpoint, flushes the fold and moves the checkpoint,
    /// in one transaction; returns the new checkpoint (with the failure, when an event failed:
    /// everything before it is committed, and the fold is dropped).
    private func commit(
        _ page: [RecordedEvent], to projector: any Projector, from expected: Checkpoint, fold: inout (any ProjectionFold)?
    ) throws(ProjectionError) -> Checkpoint {
        let names = TableNames.serving(generation: expected.generation)
        var current = fold
        var result: Checkpoint?
        var failedAt: (event: RecordedEvent, message: String)?
        do {
            try model.writer.write { db in
                // Another process may have moved the checkpoint since: fold from where it stands.
                let stored = try Checkpoint.load(projector.name, db) ?? expected
                if stored != expected { current = nil }
                guard stored.failure == nil, stored.generation == expected.generation else { result = stored; return }
                let events = page.filter { $0.position > stored.position && projector.eventTypes.contains($0.type) }
                let active = current ?? projector.makeFold(names: names, startsEmpty: stored.position == 0)
                current = active
                for event in events {
                    do { try active.applyTolerantly(event, by: projector.name, in: db) } catch {
                        // A storage failure (a full disk) is thrown to the caller, which tries again
                        // later; only a fold's own failure stops the projector at the event.
                        if !(error is DatabaseError) { failedAt = (event, String(describing: error)) }
                        throw error
                    }
                }
                try active.flush(in: db)
                var advanced = stored
                advanced.position = max(stored.position, page.last?.position ?? stored.position)
                try advanced.save(projector.name, db)
                result = advanced
            }
            fold = current
            return result ?? expected
        } catch {
            fold = nil
            guard let failedAt else { throw .readModel(String(describing: error)) }
            return try commitBefore(failedAt.event, message: failedAt.message, page: page, to: projector, from: expected)
        }
    }

    /// Commits, with a fresh fold, the page's events before the failing one, and records where
    /// and why the projector stopped.
    private func commitBefore(
        _ failing: RecordedEvent, message: String, page: [RecordedEvent], to projector: any Projector, from checkpoint: Checkpoint
    ) throws(ProjectionError) -> Checkpoint {
        var stopped = checkpoint
        stopped.position = failing.position - 1
        stopped.failure = ProjectorStatus.Failure(position: failing.position, message: "\(failing.type): \(message)")
        let final = stopped
        let before = page.filter { $0.position > checkpoint.position && $0.position < failing.position && projector.eventTypes.contains($0.type) }
        try model.write { db in
            let fold = projector.makeFold(names: .serving(generation: checkpoint.generation), startsEmpty: checkpoint.position == 0)
            for event in before { try fold.applyTolerantly(event, by: projector.name, in: db) }
            try fold.flush(in: db)
            try final.save(projector.name, db)
        }
        return stopped
    }

    /// The page of the log from `next` up to `limit` (the head, as it stands now, when nil),
    /// moving `next` past it; nil once there is no more.
    func nextPage(from next: inout Int64, through limit: Int64? = nil) throws(ProjectionError) -> [RecordedEvent]? {
        let end = min(try logHead(), limit ?? .max)
        guard next <= end else { return nil }
        let page = try read(from: next, limit: min(pageSize, Int(end - next + 1)))
        guard let last = page.last?.position else { return nil }
        next = last + 1
        return page
    }

    private func read(from position: Int64, limit: Int) throws(ProjectionError) -> [RecordedEvent] {
        do { return try store.read(from: position, limit: limit) } catch { throw .log(error) }
    }

    private func logHead() throws(ProjectionError) -> Int64 {
        do { return try store.head()?.position ?? 0 } catch { throw .log(error) }
    }
}
