import EventStore
import Crypto
import Foundation
import GRDB

/// SHA-256 of a projector's tables: every row, in the order of all its columns, each value
/// tagged with its type. Two read models with the same hash hold the same rows.
///
/// The rows are read through the statement itself and hashed in large chunks: `hadaf rebuild`
/// and `hadaf project --status` hash millions of rows, and building a row value and updating the
/// hash three times for each value took longer than reading them.
enum ContentHash {
    static func of(_ tables: [String], names: TableNames, in db: Database) throws -> String {
        var hasher = SHA256()
        var chunk = Chunk()
        for base in tables.sorted() {
            let table = names.table(base)
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").count
            guard columns > 0 else { continue }
            chunk.append(base.utf8)
            let order = (1...columns).map(String.init).joined(separator: ", ")
            let rows = try RawStatement(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
            defer { rows.reset() }
            while try rows.step() {
                for column in 0..<rows.columnCount { add(column, of: rows, to: &chunk) }
                chunk.flushIfFull(into: &hasher)
            }
        }
        chunk.flush(into: &hasher)
        return Data(hasher.finalize()).hexString
    }

    /// A value as tag, then (for numbers) eight big-endian bytes or (for text and blobs) a
    /// four-byte big-endian length and the bytes.
    private static func add(_ column: Int32, of row: RawStatement, to chunk: inout Chunk) {
        switch row.storageClass(at: column) {
        case .null:
            chunk.append(tag: 0)
        case .integer:
            chunk.append(tag: 1)
            chunk.append(bigEndian: UInt64(bitPattern: row.int64(at: column)))
        case .real:
            chunk.append(tag: 2)
            chunk.append(bigEndian: row.double(at: column).bitPattern)
        case .text:
            chunk.append(tag: 3)
            chunk.appendSized(row.bytes(at: column))
        case .blob:
            chunk.append(tag: 4)
            chunk.appendSized(row.bytes(at: column))
        }
    }

    /// Bytes gathered for the hash, handed to it about 64 KB at a time.
    private struct Chunk {
        private var bytes: [UInt8] = []

        init() {
            bytes.reserveCapacity(Self.size + 4096)
        }

        private static let size = 65_536

        mutating func append(tag: UInt8) { bytes.append(tag) }

        mutating func append<Number: FixedWidthInteger>(bigEndian number: Number) {
            withUnsafeBytes(of: number.bigEndian) { bytes.append(contentsOf: $0) }
        }

        /// The length, then the bytes.
        mutating func appendSized(_ raw: UnsafeRawBufferPointer) {
            append(bigEndian: UInt32(raw.count))
            bytes.append(contentsOf: raw)
        }

        mutating func append(_ text: String.UTF8View) { bytes.append(contentsOf: text) }

        mutating func flushIfFull(into hasher: inout SHA256) {
            if bytes.count >= Self.size { flush(into: &hasher) }
        }

        mutating func flush(into hasher: inout SHA256) {
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            bytes.removeAll(keepingCapacity: true)
        }
    }
}
