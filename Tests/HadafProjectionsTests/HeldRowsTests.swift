@testable import HadafProjections
import Testing

@Suite("Rows a fold holds")
struct HeldRowsTests {
    /// Changed rows are written once each, in key order; a change to a row the table lacks is
    /// ignored; past the bound every row is forgotten and later read back from the table.
    @Test func rowsAreWrittenOnceInKeyOrderAndReadBackOnceForgotten() {
        var table: [String: Int] = ["b": 20]
        var rows = HeldRows<String, Int>(startsEmpty: false, maximum: 2)
        rows.set(3, for: "c")
        rows.change("b", stored: { table[$0] }) { $0 += 1 }
        rows.change("b", stored: { table[$0] }) { $0 += 1 }
        rows.change("z", stored: { table[$0] }) { $0 += 1 }
        rows.set(1, for: "a")
        #expect(rows.isFull)
        var written: [(String, Int)] = []
        rows.flush { key, row in
            written.append((key, row))
            table[key] = row
        }
        #expect(written.map(\.0) == ["a", "b", "c"] && written.map(\.1) == [1, 22, 3])
        #expect(!rows.isFull && rows.row("b", stored: { _ in nil }) == nil)
        #expect(rows.row("b", stored: { table[$0] }) == 22)
        written = []
        rows.flush { key, row in written.append((key, row)) }
        #expect(written.isEmpty)
    }

    /// A fold that made its table holds every row: a row it does not hold is not in the table,
    /// and it is never looked for there.
    @Test func aFoldThatMadeItsTableNeverReadsItBack() {
        var rows = HeldRows<String, Int>(startsEmpty: true, maximum: 10)
        rows.change("a", stored: { _ in Issue.record("read back"); return 1 }) { $0 += 1 }
        #expect(rows.row("a", stored: { _ in Issue.record("read back"); return 1 }) == nil)
    }
}
