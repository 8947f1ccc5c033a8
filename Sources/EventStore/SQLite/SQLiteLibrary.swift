import CSQLiteSettings

/// Settings of the SQLite library itself, shared by every connection in the process.
///
/// They are made by the `CSQLiteSettings` target as the program loads, before any connection
/// opens: SQLite accepts them only then.
public enum SQLiteLibrary {
    /// Whether SQLite keeps memory statistics: false in every program that links the event log.
    ///
    /// Kept, they would make every allocation of every connection take one process-wide mutex.
    public static var keepsMemoryStatistics: Bool {
        hadaf_sqlite3_keeps_memory_statistics() != 0
    }
}
