import GRDBSQLite

/// The few calls of SQLite's C API that the raw baselines share, each failure as a `BenchError`
/// with SQLite's message.
enum CSQLite {
    /// Opens (or creates) the database at `path`; the caller closes it.
    static func open(_ path: String) throws -> OpaquePointer {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw BenchError("cannot open \(path)") }
        return db
    }

    /// Runs `sql`, one statement or several.
    static func execute(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw error(db) }
    }

    /// The connection's last error.
    static func error(_ db: OpaquePointer) -> BenchError {
        BenchError(String(cString: sqlite3_errmsg(db)))
    }
}
