import Foundation
import GRDB
import GRDBSQLite

/// Direct access to one of GRDB's cached prepared statements through SQLite's C API.
///
/// The log's hot paths (appends, imports, reads, verification) bind and read columns without
/// building `StatementArguments` or `Row` values: that is the difference between tens and
/// hundreds of thousands of events a second. Only code inside a GRDB database access uses it,
/// and every use ends with ``reset()``, so GRDB finds the statement as it left it. Projections
/// use it for the few statements they run per event.
public struct RawStatement {
    private let handle: OpaquePointer
    private let connection: OpaquePointer?

    /// GRDB's cached statement for `sql` on this connection.
    public init(_ db: Database, sql: String) throws {
        handle = try db.cachedStatement(sql: sql).sqliteStatement
        connection = db.sqliteConnection
    }

    // MARK: - Binding (1-based indices, as in SQLite)

    public func bind(_ value: Int64, at index: Int32) {
        sqlite3_bind_int64(handle, index, value)
    }

    /// Binds the integer, or NULL for nil.
    public func bind(_ value: Int64?, at index: Int32) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        bind(value, at: index)
    }

    public func bind(_ value: Double, at index: Int32) {
        sqlite3_bind_double(handle, index, value)
    }

    /// Binds the text, or NULL for nil.
    public func bind(_ text: String?, at index: Int32) {
        guard let text else { sqlite3_bind_null(handle, index); return }
        bind(text, at: index)
    }

    public func bind(_ text: String, at index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), sqliteTransient)
        }
    }

    /// Binds UTF-8 bytes as TEXT.
    func bindText(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        sqlite3_bind_text(handle, index, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), sqliteTransient)
    }

    /// Binds the bytes as a BLOB.
    public func bindBlob(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        bindBlob(bytes, at: index, destructor: sqliteTransient)
    }

    /// Binds UTF-8 bytes as TEXT without SQLite copying them: the bytes must stay where they are
    /// until the statement is reset (``execute()`` resets it). Saves an allocation and a copy per
    /// value where many rows are bound from one buffer.
    public func bindTextInPlace(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        // Empty text must still be text, not NULL: SQLite wants a non-nil pointer. No destructor
        // is SQLite's `SQLITE_STATIC`.
        let start = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)
        sqlite3_bind_text(handle, index, start?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    /// Binds the bytes as a BLOB without SQLite copying them, under the same condition as
    /// ``bindTextInPlace(_:at:)``.
    public func bindBlobInPlace(_ bytes: UnsafeRawBufferPointer, at index: Int32) {
        bindBlob(bytes, at: index, destructor: nil)
    }

    /// Binds a BLOB, copied by SQLite or not as `destructor` says (nil is `SQLITE_STATIC`).
    private func bindBlob(_ bytes: UnsafeRawBufferPointer, at index: Int32, destructor: sqlite3_destructor_type?) {
        // A zero-length blob must still be a blob, not NULL: SQLite wants a non-nil pointer.
        sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), destructor)
    }

    func bind(_ uuid: UUID, at index: Int32) {
        withUnsafeBytes(of: uuid.uuid) { bindBlob($0, at: index) }
    }

    // MARK: - Stepping

    /// Advances to the next row: true when a row is ready, false when the statement is done.
    /// A caller that steps must ``reset()`` when done.
    public func step() throws(EventStoreError) -> Bool {
        switch sqlite3_step(handle) & 0xFF {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw storageError()
        }
    }

    /// Runs a statement that returns no row.
    public func execute() throws(EventStoreError) {
        defer { reset() }
        _ = try step()
    }

    /// Runs a statement that returns no row; returns false, with nothing written, when a
    /// UNIQUE or PRIMARY KEY constraint refuses it (the statement, not the transaction, fails).
    public func executeUnlessDuplicate() throws(EventStoreError) -> Bool {
        defer { reset() }
        // GRDB turns on extended result codes: compare the primary code in the low byte.
        let code = sqlite3_step(handle)
        switch code & 0xFF {
        case SQLITE_DONE, SQLITE_ROW: return true
        case SQLITE_CONSTRAINT:
            let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
            guard extended == constraintUnique || extended == constraintPrimaryKey else { throw storageError() }
            return false
        default: throw storageError()
        }
    }

    /// Makes the statement ready for its next use and releases its bindings.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: - Reading the current row (0-based columns)

    /// How many columns each row has.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The storage class of the column's value in the current row (https://sqlite.org/datatype3.html).
    public enum StorageClass {
        case null, integer, real, text, blob
    }

    public func storageClass(at column: Int32) -> StorageClass {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    public func int64(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    public func double(at column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func isNull(at column: Int32) -> Bool { storageClass(at: column) == .null }

    func text(at column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's bytes (TEXT as UTF-8, or BLOB), valid until the next step or reset.
    public func bytes(at column: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }

    func uuid(at column: Int32) -> UUID {
        UUID(bytes: bytes(at: column))
    }

    private func storageError() -> EventStoreError {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "unknown SQLite error"
        let full = connection.map { sqlite3_errcode($0) & 0xFF == SQLITE_FULL } ?? false
        reset()
        return full ? .storageFull : .storage(message)
    }
}

/// SQLite's extended result codes `SQLITE_CONSTRAINT_UNIQUE` and `SQLITE_CONSTRAINT_PRIMARYKEY`
/// (https://sqlite.org/rescode.html), C macros that Swift does not import.
private let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
private let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)

/// SQLite's `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the call returns.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
