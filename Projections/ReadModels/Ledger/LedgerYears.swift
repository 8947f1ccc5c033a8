/// A participant's academic years, each with its lines: most participants take part in one, and
/// a dictionary of one took about 230 bytes of heap for each of a national year's 400,000
/// participants, where an array of one takes about 120.
struct LedgerYears: Sequence {
    private var storage: [(year: Int, ledger: LedgerYear)] = []
    /// The lines of every year, counted as years change: the book asks it before and after
    /// every event it folds, and summing the years each time was 1.5% of a rebuild.
    private(set) var lineCount = 0

    /// The year's lines and sums, changed in place when mutated: the year is taken out while it
    /// is changed, so that its lines are never copied.
    subscript(year: Int) -> LedgerYear? {
        get { storage.first { $0.year == year }?.ledger }
        _modify {
            var value = storage.firstIndex { $0.year == year }.map { storage.remove(at: $0).ledger }
            let linesBefore = value?.lines.count ?? 0
            defer {
                lineCount += (value?.lines.count ?? 0) - linesBefore
                if let value {
                    storage.reserveCapacity(storage.count + 1)
                    storage.append((year, value))
                }
            }
            yield &value
        }
    }

    /// Changes the year in place, made empty first when not held, and returns what `body`
    /// returns: one search of the years, and neither the year nor its lines copied. (Reading a
    /// year through the subscript copies it, and the fold did so several times an event.)
    mutating func withYear<Result>(_ year: Int, _ body: (inout LedgerYear) throws -> Result) rethrows -> Result {
        let slot: Int
        if let held = storage.firstIndex(where: { $0.year == year }) {
            slot = held
        } else {
            storage.reserveCapacity(storage.count + 1)
            storage.append((year, LedgerYear()))
            slot = storage.count - 1
        }
        let linesBefore = storage[slot].ledger.lines.count
        defer { lineCount += storage[slot].ledger.lines.count - linesBefore }
        return try body(&storage[slot].ledger)
    }

    /// Where the first line that `matches` is, in whichever year may hold a fact with the
    /// hash (``LedgerYear/mayHold(_:)``), found without copying the years.
    func firstLine(mayHold factHash: UInt32, where matches: (LedgerLine) -> Bool) -> (year: Int, index: Int)? {
        for slot in storage.indices where storage[slot].ledger.mayHold(factHash) {
            if let index = storage[slot].ledger.lines.firstIndex(where: matches) { return (storage[slot].year, index) }
        }
        return nil
    }

    /// The years held, in no particular order.
    var keys: [Int] { storage.map(\.year) }

    /// Takes the year out, returning it.
    mutating func removeValue(forKey year: Int) -> LedgerYear? {
        guard let index = storage.firstIndex(where: { $0.year == year }) else { return nil }
        let removed = storage.remove(at: index).ledger
        lineCount -= removed.lines.count
        return removed
    }

    func makeIterator() -> IndexingIterator<[(year: Int, ledger: LedgerYear)]> {
        storage.makeIterator()
    }
}
