import Foundation
import GRDB
@testable import HadafProjections
import HadafTestSupport
import Testing

@Suite("Rows inserted many to a statement")
struct BatchedInsertTests {
    /// Every row arrives with its values in their columns, however the rows fall into
    /// statements: fewer than one statement's worth, exactly one, and one more than two.
    @Test(arguments: [2, 4, 9])
    func everyRowIsInsertedWithItsValues(rows count: Int) throws {
        let directory = try TemporaryDirectory()
        let db = try Self.database(in: directory)
        let expected = (0..<count).map { index in
            "\(index)|\(index * 10)|\(Double(index) / 4)|\(index.isMultiple(of: 3) ? "NULL" : "t\(index)")"
        }
        try db.write { db in
            var insert = BatchedInsert(db, head: "INSERT INTO t (k, i, r, s) VALUES", columnCount: 4, rowsPerStatement: 4)
            for index in 0..<count {
                insert.add("\(index)")
                insert.add(index * 10)
                insert.add(Double(index) / 4)
                insert.add(index.isMultiple(of: 3) ? nil : "t\(index)")
                try insert.endRow()
            }
            try insert.finish()
        }
        #expect(try Self.rows(db) == expected)
    }

    /// A key repeated within one statement keeps its last row, as one row to a statement would.
    @Test func aRepeatedKeyKeepsItsLastRow() throws {
        let directory = try TemporaryDirectory()
        let db = try Self.database(in: directory)
        try db.write { db in
            var insert = BatchedInsert(db, head: "INSERT OR REPLACE INTO t (k, i, r, s) VALUES", columnCount: 4, rowsPerStatement: 8)
            for value in [1, 2, 3] {
                for column: DatabaseValue in ["k".databaseValue, value.databaseValue, 0.0.databaseValue, .null] { insert.add(column) }
                try insert.endRow()
            }
            try insert.finish()
        }
        #expect(try Self.rows(db) == ["k|3|0.0|NULL"])
    }

    /// Text and blobs are bound from one buffer: each value keeps its own bytes, Persian text and
    /// empty text stay text, and empty blobs stay blobs, not NULL.
    @Test func textAndBlobsKeepTheirBytes() throws {
        let directory = try TemporaryDirectory()
        let db = try DatabaseQueue(path: directory.path("b.sqlite"))
        let rows: [(String, Data)] = [("", Data()), ("همیاری دانشگاهیان", Data([0, 1, 2])), ("x", Data(repeating: 7, count: 300)), ("ی", Data())]
        try db.write { db in
            try db.execute(sql: "CREATE TABLE b (n INTEGER PRIMARY KEY, s TEXT, d BLOB)")
            var insert = BatchedInsert(db, head: "INSERT INTO b (n, s, d) VALUES", columnCount: 3, rowsPerStatement: 3)
            for (index, row) in rows.enumerated() {
                insert.add(index)
                insert.add(row.0)
                insert.add(row.1)
                try insert.endRow()
            }
            try insert.finish()
        }
        let stored = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT s, typeof(s), d, typeof(d) FROM b ORDER BY n").map { row in
                (row[0] as String, row[1] as String, row[2] as Data, row[3] as String)
            }
        }
        #expect(stored.map(\.0) == rows.map(\.0))
        #expect(stored.map(\.2) == rows.map(\.1))
        #expect(stored.map(\.1) == Array(repeating: "text", count: rows.count))
        #expect(stored.map(\.3) == Array(repeating: "blob", count: rows.count))
    }

    private static func database(in directory: TemporaryDirectory) throws -> DatabaseQueue {
        let db = try DatabaseQueue(path: directory.path("t.sqlite"))
        try db.write { try $0.execute(sql: "CREATE TABLE t (k TEXT PRIMARY KEY, i INTEGER, r REAL, s TEXT) WITHOUT ROWID") }
        return db
    }

    private static func rows(_ db: DatabaseQueue) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT k, i, r, s FROM t ORDER BY CAST(k AS INTEGER), k").map { row in
                let s: String? = row[3]
                return "\(row[0] as String)|\(row[1] as Int64)|\(row[2] as Double)|\(s ?? "NULL")"
            }
        }
    }
}
