import Foundation
import EventStore
import GRDB

/// Rows inserted many to a statement (`INSERT … VALUES (…), (…), …`) rather than one.
///
/// A flush writes up to a million rows in key order, and stepping, resetting and clearing a
/// statement once per row cost about as much as SQLite's insert itself: the same rows took 2.5 s
/// one to a statement and 1.4 s thirty-two to a statement (`tools/bench`'s machine, measured
/// with Python's sqlite3). Rows are held as values until a statement's worth is complete, then
/// bound and run; ``finish()`` runs the rest in a statement of their size. Values are GRDB's
/// (`DatabaseValue`), bound through SQLite's C API (``RawStatement``). Rows go in in the
/// order they were added, so `INSERT OR REPLACE` keeps the last row of a key, as one row to a
/// statement would.
///
/// Text and blobs are held as bytes in one buffer and bound where they lie, without SQLite
/// copying each into an allocation of its own: those allocations were a fifth of the ledger's
/// flush.
struct BatchedInsert {
    /// A value held until its statement runs: text and blobs as ranges of ``bytes``.
    private enum Held {
        case integer(Int64)
        case real(Double)
        case text(Range<Int>)
        case blob(Range<Int>)
        case null
    }

    private let db: Database
    private let head: String
    private let columnCount: Int
    private let rowsPerStatement: Int
    /// The statement of ``rowsPerStatement`` rows, made once.
    private let fullSQL: String
    private var values: [Held] = []
    private var bytes: [UInt8] = []

    /// Inserts with `head` (e.g. `INSERT OR REPLACE INTO t (a, b) VALUES`), rows of `columnCount`
    /// values each, `rowsPerStatement` to a statement.
    init(_ db: Database, head: String, columnCount: Int, rowsPerStatement: Int = 32) {
        precondition(columnCount > 0 && rowsPerStatement > 0)
        self.db = db
        self.head = head
        self.columnCount = columnCount
        self.rowsPerStatement = rowsPerStatement
        fullSQL = Self.sql(head, columnCount: columnCount, rows: rowsPerStatement)
        values.reserveCapacity(columnCount * rowsPerStatement)
    }

    /// Adds the next value of the current row.
    mutating func add(_ value: some DatabaseValueConvertible) {
        switch value.databaseValue.storage {
        case let .int64(integer): values.append(.integer(integer))
        case let .double(real): values.append(.real(real))
        case var .string(text):
            let start = bytes.count
            text.withUTF8 { bytes.append(contentsOf: $0) }
            values.append(.text(start..<bytes.count))
        case let .blob(data):
            let start = bytes.count
            bytes.append(contentsOf: data)
            values.append(.blob(start..<bytes.count))
        case .null: values.append(.null)
        }
    }

    /// Ends the current row, which must hold ``columnCount`` values; runs a statement when the
    /// row completes one.
    mutating func endRow() throws {
        precondition(values.count % columnCount == 0, "a row of \(values.count % columnCount) values for \(columnCount) columns")
        if values.count == columnCount * rowsPerStatement { try run() }
    }

    /// Inserts the rows not inserted yet.
    mutating func finish() throws {
        if !values.isEmpty { try run() }
    }

    private mutating func run() throws {
        let rows = values.count / columnCount
        let statement = try RawStatement(db, sql: rows == rowsPerStatement ? fullSQL : Self.sql(head, columnCount: columnCount, rows: rows))
        // The bytes stay put until `execute()` has reset the statement, which ends its use of them.
        try bytes.withUnsafeBytes { bytes in
            for (offset, value) in values.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case let .integer(integer): statement.bind(integer, at: index)
                case let .real(real): statement.bind(real, at: index)
                case let .text(range): statement.bindTextInPlace(UnsafeRawBufferPointer(rebasing: bytes[range]), at: index)
                case let .blob(range): statement.bindBlobInPlace(UnsafeRawBufferPointer(rebasing: bytes[range]), at: index)
                case .null: statement.bind(nil as Int64?, at: index)
                }
            }
            try statement.execute()
        }
        values.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    private static func sql(_ head: String, columnCount: Int, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columnCount).joined(separator: ", ") + ")"
        return head + " " + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}
