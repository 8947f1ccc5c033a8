import Foundation
import GRDB

/// The HADAF event log: one SQLite file of immutable events in a hash chain.
///
/// It stores envelopes (stream, type, schema version, JSON payload and metadata) and knows
/// nothing of the domain. Appends are durable when they return (WAL with `synchronous=FULL`),
/// gathered by one writer into group commits; reads run concurrently on other connections.
///
/// ```swift
/// let store = try EventStore.create(at: "hadaf.sqlite")
/// let event = try NewEvent(type: "idea.submitted", payload: Data(#"{"title":"…"}"#.utf8))
/// let result = try await store.append([event], to: "idea-42", expectedVersion: .noStream)
/// ```
public final class EventStore: Sendable {
    /// The file the log lives in.
    public let path: String
    let pool: DatabasePool
    let writer: GroupCommitWriter
    let notifier: HeadNotifier
    /// The subjects' keys, in a file of their own (``SubjectKeyStore``).
    let keys: SubjectKeyStore

    /// The database file used when neither `--db` nor `HADAF_DB` names one.
    public static let defaultPath = "hadaf.sqlite"

    /// Opens the log at `path`, creating the file and its tables when missing. A file that
    /// holds another database is refused, not written into.
    public static func create(at path: String) throws(EventStoreError) -> EventStore {
        try EventStore(path: path, mustExist: false)
    }

    /// Opens an existing log; refuses a missing file or one that holds no HADAF log.
    public static func open(at path: String) throws(EventStoreError) -> EventStore {
        try EventStore(path: path, mustExist: true)
    }

    private init(path: String, mustExist: Bool) throws(EventStoreError) {
        if mustExist, !FileManager.default.fileExists(atPath: path) { throw .databaseNotFound(path: path) }
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.label = "hadaf.event-store"
            configuration.prepareDatabase { db in TaskCancellationInterrupt.install(on: db) }
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = EventLogSchema.migrator
            let isEventLog = try pool.read { db in
                try migrator.appliedIdentifiers(db).contains(EventLogSchema.firstMigration)
            }
            // Never turn someone else's database into a log: only an empty file may be created into.
            let isEmpty = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") == 0 }
            guard isEventLog || (!mustExist && isEmpty) else { throw EventStoreError.notAnEventLog(path: path) }
            try migrator.migrate(pool)
            // GRDB sets synchronous=NORMAL when it opens a pool in WAL mode, after any
            // prepareDatabase hook: FULL must be set here, on the writer connection, to hold.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA cache_size = -65536")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
                // The only rows ever deleted are destroyed keys and appended parked events: their
                // bytes are overwritten, not left in free pages. (Events are never deleted.)
                try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            keys = try SubjectKeyStore(path: SubjectKeyStore.path(besideLog: path))
            try keys.adoptKeys(from: pool)
            let head = try pool.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM events") ?? 0 }
            let notifier = HeadNotifier(head: head)
            self.notifier = notifier
            writer = GroupCommitWriter(pool: pool) { notifier.publish($0) }
        } catch let error as EventStoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw .notAnEventLog(path: path)
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// The `synchronous` setting of the writer connection (2 is FULL), which decides whether an
    /// append that has returned is on disk.
    public func writerSynchronousSetting() throws(EventStoreError) -> Int {
        try mapErrors { try pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 } }
    }

    /// Runs `body`, turning a GRDB error into ``EventStoreError/storage(_:)``.
    func mapErrors<T>(_ body: () throws -> T) throws(EventStoreError) -> T {
        do {
            return try body()
        } catch {
            throw .storage(from: error)
        }
    }
}
