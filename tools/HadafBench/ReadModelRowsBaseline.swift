import GRDBSQLite

/// SQLite alone writing what a rebuild writes: every row of a rebuilt read model, read into
/// memory beforehand, inserted into a new file with the same tables and indexes through the C
/// API. This is the floor under (g), as (b) is under the import: no fold can write its rows
/// faster, and the rebuild must also read the log and fold it.
///
/// It writes as the rebuild's flushes do at their best: rows in key order, 32 to a statement,
/// in one transaction, with the read model's page size and cache, in WAL mode; and on one core,
/// because one connection writes a file at a time.
final class ReadModelRowsBaseline {
    /// One table's definition and rows, each row's values owned (`sqlite3_value_dup`).
    private struct Table {
        let name: String
        let columns: Int
        var values: [OpaquePointer?] = []
        var rows: Int { columns == 0 ? 0 : values.count / columns }
    }

    /// Rows to one INSERT statement.
    private static let rowsPerStatement = 32

    private var tables: [Table] = []
    /// The `CREATE` statements of the tables, then of their indexes.
    private var schema: [String] = []
    private let pageSize: Int
    /// How many rows the read model holds, in every table.
    let rowCount: Int

    /// Reads every row of the read model at `path`, its checkpoints (and SQLite's own tables) aside.
    init(readModel path: String) throws {
        let source = try CSQLite.open(path)
        defer { sqlite3_close(source) }
        pageSize = try Self.texts(source, "PRAGMA page_size").first.flatMap { Int($0[0]) } ?? 4096
        let definitions = try Self.texts(source, """
            SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'projector_%' AND name NOT LIKE 'sqlite_%'
            ORDER BY type = 'index', name
            """)
        for definition in definitions {
            let (name, sql) = (definition[0], definition[1])
            schema.append(sql)
            guard sql.hasPrefix("CREATE TABLE") else { continue }
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(source, "SELECT * FROM \"\(name)\"", -1, &statement, nil) == SQLITE_OK else { throw CSQLite.error(source) }
            defer { sqlite3_finalize(statement) }
            var table = Table(name: name, columns: Int(sqlite3_column_count(statement)))
            while sqlite3_step(statement) == SQLITE_ROW {
                for column in 0..<Int32(table.columns) { table.values.append(sqlite3_value_dup(sqlite3_column_value(statement, column))) }
            }
            tables.append(table)
        }
        rowCount = tables.reduce(0) { $0 + $1.rows }
    }

    deinit {
        for table in tables { table.values.forEach { sqlite3_value_free($0) } }
    }

    /// Creates the tables in a new file at `path` and inserts every row; returns how many.
    func insert(into path: String) throws -> Int {
        let db = try CSQLite.open(path)
        defer { sqlite3_close(db) }
        try CSQLite.execute(db, "PRAGMA page_size = \(pageSize); PRAGMA journal_mode = WAL; PRAGMA cache_size = -131072; BEGIN")
        for statement in schema { try CSQLite.execute(db, statement) }
        for table in tables { try insert(table, into: db) }
        try CSQLite.execute(db, "COMMIT")
        return rowCount
    }

    private func insert(_ table: Table, into db: OpaquePointer) throws {
        func prepare(rows: Int) throws -> OpaquePointer {
            let row = "(" + Array(repeating: "?", count: table.columns).joined(separator: ",") + ")"
            var statement: OpaquePointer?
            let sql = "INSERT INTO \"\(table.name)\" VALUES " + Array(repeating: row, count: rows).joined(separator: ",")
            guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, let statement else { throw CSQLite.error(db) }
            return statement
        }
        let batch = try prepare(rows: Self.rowsPerStatement), single = try prepare(rows: 1)
        defer { sqlite3_finalize(batch); sqlite3_finalize(single) }
        var row = 0
        while row < table.rows {
            let rows = table.rows - row >= Self.rowsPerStatement ? Self.rowsPerStatement : 1
            let statement = rows == 1 ? single : batch
            for index in 0..<rows * table.columns {
                sqlite3_bind_value(statement, Int32(index + 1), table.values[row * table.columns + index])
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw CSQLite.error(db) }
            sqlite3_reset(statement)
            row += rows
        }
    }

    /// Each row `sql` returns, as the text of its columns.
    private static func texts(_ db: OpaquePointer, _ sql: String) throws -> [[String]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else { throw CSQLite.error(db) }
        defer { sqlite3_finalize(statement) }
        var rows: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            rows.append((0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_text(statement, $0)) })
        }
        return rows
    }
}
