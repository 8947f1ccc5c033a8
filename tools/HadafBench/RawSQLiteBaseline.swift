import EventStore
import Foundation
import GRDBSQLite

/// SQLite itself, through its C API with no GRDB and no JSON work: a prepared INSERT into a
/// table with the event log's own schema, in WAL mode with synchronous=FULL. This is the
/// ceiling the store is measured against.
struct RawSQLiteBaseline {
    let path: String

    /// Inserts `count` rows, `rowsPerTransaction` to a commit; returns how many were inserted.
    func insert(count: Int, rowsPerTransaction: Int) throws -> Int {
        let db = try CSQLite.open(path)
        defer { sqlite3_close(db) }
        try CSQLite.execute(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 10000;")
        try CSQLite.execute(db, EventLogSchema.eventsTable)
        var statement: OpaquePointer?
        let sql = "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw BenchError("prepare") }
        defer { sqlite3_finalize(statement) }
        let payloads = (0..<4).map { SampleEvents.payload($0) }
        let metadata = String(decoding: SampleEvents.metadata(0).canonicalJSON, as: UTF8.self)
        let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
        var id = [UInt8](repeating: 0, count: 16)
        var hash = [UInt8](repeating: 0, count: 32)
        var random = SplitMix64(seed: UInt64(count))
        var position = 0
        while position < count {
            try CSQLite.execute(db, "BEGIN")
            for _ in 0..<min(rowsPerTransaction, count - position) {
                position += 1
                // Time-ordered ids, as the store generates (UUIDv7): milliseconds, then random bits.
                let halves = ((UInt64(Date().timeIntervalSince1970 * 1000) << 16).bigEndian, random.next())
                withUnsafeBytes(of: halves) { source in id.withUnsafeMutableBytes { $0.copyMemory(from: source) } }
                hash[0] = UInt8(truncatingIfNeeded: position)
                let stream = SampleEvents.stream(position)
                sqlite3_bind_int64(statement, 1, Int64(position))
                sqlite3_bind_blob(statement, 2, id, 16, transient)
                sqlite3_bind_text(statement, 3, stream, -1, transient)
                sqlite3_bind_int64(statement, 4, Int64(position))
                sqlite3_bind_text(statement, 5, SampleEvents.types[position % 4], -1, transient)
                sqlite3_bind_int64(statement, 6, 1)
                sqlite3_bind_text(statement, 7, payloads[position % 4], -1, transient)
                sqlite3_bind_text(statement, 8, metadata, -1, transient)
                sqlite3_bind_int64(statement, 9, Int64(position))
                sqlite3_bind_blob(statement, 10, hash, 32, transient)
                guard sqlite3_step(statement) == SQLITE_DONE else { throw CSQLite.error(db) }
                sqlite3_reset(statement)
            }
            try CSQLite.execute(db, "COMMIT")
        }
        return count
    }

    /// The same loop into a minimal table (an integer key and 50 bytes of text): what SQLite
    /// does with small rows, to set the figures above against.
    func insertMinimal(count: Int, rowsPerTransaction: Int) throws -> Int {
        let db = try CSQLite.open(path)
        defer { sqlite3_close(db) }
        try CSQLite.execute(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL);")
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?, ?)", -1, &statement, nil) == SQLITE_OK, let statement else { throw BenchError("prepare") }
        defer { sqlite3_finalize(statement) }
        let body = Array(String(repeating: "x", count: 50).utf8CString)
        var row = 0
        while row < count {
            try CSQLite.execute(db, "BEGIN")
            for _ in 0..<min(rowsPerTransaction, count - row) {
                row += 1
                sqlite3_bind_int64(statement, 1, Int64(row))
                sqlite3_bind_text(statement, 2, body, 50, nil)
                guard sqlite3_step(statement) == SQLITE_DONE else { throw CSQLite.error(db) }
                sqlite3_reset(statement)
            }
            try CSQLite.execute(db, "COMMIT")
        }
        return count
    }
}

/// A fast pseudo-random generator: the baseline must not spend its time in getrandom(2).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
