import Crypto
import Foundation
import GRDB
@testable import HadafProjections
import HadafTestSupport
import Testing

@Suite("A read model's content hash")
struct ContentHashTests {
    private let names = TableNames.serving(generation: 1)

    /// A read model with table `t` holding `rows`, one value a row, in a temporary directory.
    private func hash(of rows: [DatabaseValue]) throws -> String {
        let directory = try TemporaryDirectory()
        let model = try ReadModel(path: directory.path("read.sqlite"))
        return try model.write { db in
            try db.execute(sql: "CREATE TABLE \(names.table("t")) (value)")
            for value in rows { try db.execute(sql: "INSERT INTO \(names.table("t")) (value) VALUES (?)", arguments: [value]) }
            return try ContentHash.of(["t"], names: names, in: db)
        }
    }

    /// The bytes the hash is documented to cover, written out by hand: the table's name, then
    /// each value as a tag and its big-endian number, or its big-endian length and bytes.
    @Test func theHashCoversEachValueTaggedWithItsType() throws {
        let rows: [DatabaseValue] = [.null, 7.databaseValue, 2.5.databaseValue, "سلام".databaseValue, Data([0, 255]).databaseValue]
        var expected = Data("t".utf8)
        expected += [0]
        expected += [2] + withUnsafeBytes(of: (2.5).bitPattern.bigEndian, Array.init)
        expected += [1] + withUnsafeBytes(of: Int64(7).bigEndian, Array.init)
        expected += [3] + withUnsafeBytes(of: UInt32(8).bigEndian, Array.init) + Array("سلام".utf8)
        expected += [4] + withUnsafeBytes(of: UInt32(2).bigEndian, Array.init) + [0, 255]
        // The rows in the order of their values, as SQLite sorts them: NULL, numbers, text, blobs.
        #expect(try hash(of: rows.reversed()) == Data(SHA256.hash(data: expected)).map { String(format: "%02x", $0) }.joined())
    }

    /// The same digits as a number, as text and as bytes are three different rows.
    @Test func aValueOfAnotherTypeIsAnotherHash() throws {
        let hashes = try [1.databaseValue, 1.0.databaseValue, "1".databaseValue, Data("1".utf8).databaseValue].map { try hash(of: [$0]) }
        #expect(Set(hashes).count == 4)
    }
}
