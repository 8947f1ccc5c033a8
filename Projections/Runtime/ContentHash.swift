import EventStore
import Crypto
import Foundation
import GRDB

/// SHA-256 of a projector's tables: every row, in the order of all its columns, each value
/// tagged with its type. Two read models with the same hash hold the same rows.
enum ContentHash {
    static func of(_ tables: [String], names: TableNames, in db: Database) throws -> String {
        var hasher = SHA256()
        for base in tables.sorted() {
            let table = names.table(base)
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").count
            guard columns > 0 else { continue }
            hasher.update(data: Data(base.utf8))
            let order = (1...columns).map(String.init).joined(separator: ", ")
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
            while let row = try rows.next() {
                for value in row.databaseValues { add(value, to: &hasher) }
            }
        }
        return Data(hasher.finalize()).hexString
    }

    private static func add(_ value: DatabaseValue, to hasher: inout SHA256) {
        switch value.storage {
        case .null:
            hasher.update(data: [0])
        case let .int64(number):
            hasher.update(data: [1])
            withUnsafeBytes(of: number.bigEndian) { hasher.update(bufferPointer: $0) }
        case let .double(number):
            hasher.update(data: [2])
            withUnsafeBytes(of: number.bitPattern.bigEndian) { hasher.update(bufferPointer: $0) }
        case let .string(text):
            hasher.update(data: [3])
            withUnsafeBytes(of: UInt32(text.utf8.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: Data(text.utf8))
        case let .blob(bytes):
            hasher.update(data: [4])
            withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
    }
}
