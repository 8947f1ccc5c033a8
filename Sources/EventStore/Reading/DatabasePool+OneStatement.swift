import GRDB

extension DatabasePool {
    /// Runs a read that is a single SELECT, outside a transaction.
    ///
    /// SQLite runs a lone statement in its own implicit read transaction, so it sees one
    /// committed state of the log, as `read` would give it; what `read` adds is an explicit
    /// BEGIN and COMMIT around it, and on the server's hot path (each command loads its stream)
    /// those two statements cost as much as the SELECT. A read of several statements that
    /// must agree with each other uses `read`.
    func readOneStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try unsafeRead(body)
    }
}
