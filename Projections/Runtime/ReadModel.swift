import EventStore
import Foundation
import GRDB

/// The SQLite file that holds the read models, apart from the log: read models are disposable
/// (a rebuild makes them again from the log), the log is not.
///
/// Besides the projectors' own tables it holds one checkpoint row per projector: its version,
/// the last position it folded, the generation of its tables, and the event it failed at.
public final class ReadModel: Sendable {
    public let path: String
    /// A pool (WAL) for a read model that serves; a queue for a rebuild's scratch file.
    let writer: any DatabaseWriter

    /// `hadaf.read.sqlite` beside `hadaf.sqlite`: the default read model of a log.
    public static func path(besideLog logPath: String) -> String {
        let url = URL(fileURLWithPath: logPath)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base).read.sqlite").path
    }

    /// Opens the read model, creating the file when missing.
    public init(path: String) throws(ProjectionError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            // Projectors read back what they wrote at every event: without a large cache (and
            // memory-mapped reads) each lookup becomes a read(2) of the file. A new file gets
            // pages larger than SQLite's default (``pageSize``), set before GRDB turns on WAL.
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize); PRAGMA mmap_size = 1073741824")
                TaskCancellationInterrupt.install(on: db)
            }
            writer = try DatabasePool(path: path, configuration: configuration)
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA cache_size = -131072") }
            try writer.write { db in
                try Self.createCheckpoints(in: db)
                try SkippedEvents.createTable(in: db)
            }
        } catch {
            throw .readModel(String(describing: error))
        }
    }

    /// A rebuild's scratch file (``ApartRebuild``): one connection, its rollback journal in
    /// memory and no syncs, because nothing reads it but the rebuild, which deletes it whatever
    /// happens. A crash leaves a file no one opens again; a rollback still works. Writing a
    /// million rows into it then costs no write-ahead log to write and copy back into the file.
    init(scratchAt path: String) throws(ProjectionError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize); PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072")
            }
            writer = try DatabaseQueue(path: path, configuration: configuration)
            try writer.write { db in
                try Self.createCheckpoints(in: db)
                try SkippedEvents.createTable(in: db)
            }
        } catch {
            throw .readModel(String(describing: error))
        }
    }

    /// The page size of a new read-model file, in bytes: a rebuild writes millions of rows in key
    /// order, and with pages four times SQLite's default each B-tree splits and balances a quarter
    /// as often. A page of a live fold's commit is written whole to the write-ahead log, which
    /// bounds how large a page pays. An existing file keeps the size it was made with.
    static let pageSize = 16384

    private static func createCheckpoints(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS projector_checkpoints (
                name TEXT PRIMARY KEY NOT NULL,
                version INTEGER NOT NULL,
                position INTEGER NOT NULL,
                generation INTEGER NOT NULL,
                failed_position INTEGER,
                failure TEXT
            )
            """)
    }

    /// Reads from the read model (for the CLI and, later, the server's pages).
    public func read<T>(_ body: (Database) throws -> T) throws(ProjectionError) -> T {
        do { return try writer.read(body) } catch { throw .readModel(String(describing: error)) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(ProjectionError) -> T {
        do { return try writer.write(body) } catch let error as ProjectionError { throw error } catch { throw .readModel(String(describing: error)) }
    }
}

/// A projector's row in `projector_checkpoints`.
struct Checkpoint: Hashable {
    var version: Int
    var position: Int64
    var generation: Int
    var failure: ProjectorStatus.Failure?

    static func load(_ name: String, _ db: Database) throws -> Checkpoint? {
        try Row.fetchOne(db, sql: "SELECT version, position, generation, failed_position, failure FROM projector_checkpoints WHERE name = ?", arguments: [name])
            .map { row in
                let failedAt: Int64? = row[3]
                return Checkpoint(
                    version: row[0], position: row[1], generation: row[2],
                    failure: failedAt.map { ProjectorStatus.Failure(position: $0, message: row[4] ?? "") })
            }
    }

    func save(_ name: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO projector_checkpoints (name, version, position, generation, failed_position, failure) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
                    generation = excluded.generation, failed_position = excluded.failed_position, failure = excluded.failure
                """,
            arguments: [name, version, position, generation, failure?.position, failure?.message])
    }
}
