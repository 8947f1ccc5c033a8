import GRDB
import GRDBSQLite

/// Makes a read connection stop a statement when the Swift task running it is cancelled.
///
/// A page that reads for too long (a request past its deadline, a client that went away, a
/// shutdown past its grace) is cancelled by the server, but SQLite works synchronously and never
/// looks at Swift's cancellation: a cancelled read went on for minutes with a core at 100%.
/// SQLite's progress handler runs every ``instructions`` virtual-machine steps on the thread that
/// runs the statement; it asks whether the current task is cancelled and, if so, SQLite stops
/// the statement with `SQLITE_INTERRUPT`. Work not run by a task (the projectors' queue) has no
/// current task and is never interrupted.
///
/// Installed on read-only connections only: a writer's transaction may carry other callers'
/// appends (group commit), which one caller's cancellation must never abort.
public enum TaskCancellationInterrupt {
    /// How many SQLite steps between two looks: a few microseconds of work.
    public static let instructions: Int32 = 4000

    /// Installs the handler on `db` when it is a read-only connection.
    public static func install(on db: Database) {
        guard db.configuration.readonly, let connection = db.sqliteConnection else { return }
        sqlite3_progress_handler(connection, instructions, { _ in
            withUnsafeCurrentTask { $0?.isCancelled == true } ? 1 : 0
        }, nil)
    }
}
