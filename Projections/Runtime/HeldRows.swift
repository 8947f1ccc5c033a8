/// The rows a fold holds between the events that change them, and which of them it has not
/// written yet: a row changed by several events (a submission's draft, submission and screening;
/// a proposal's endorsements) is written once, at the flush, in key order, instead of one
/// statement per event.
///
/// Rows stay held after a flush, so that later events need not read them back, until more than
/// ``maximum`` are held: then they are written and forgotten, which bounds the memory on logs of
/// any size.
struct HeldRows<Key: Hashable & Comparable, Row> {
    let maximum: Int
    private var rows: [Key: Row] = [:]
    private var unwritten: Set<Key> = []
    /// True while every row of the table is held (it started empty and nothing was forgotten).
    private var holdsEverything: Bool

    init(startsEmpty: Bool, maximum: Int) {
        holdsEverything = startsEmpty
        self.maximum = maximum
    }

    /// More rows are held than the bound: the fold should flush.
    var isFull: Bool { rows.count > maximum }

    /// The row of `key`, held or read back by `stored` when some rows are not held; nil when the
    /// table has none.
    func row(_ key: Key, stored: (Key) throws -> Row?) rethrows -> Row? {
        if let row = rows[key] { return row }
        return try unheld(key, stored: stored)
    }

    /// The stored row of a key not held: nil without asking `stored` while everything is held.
    private func unheld(_ key: Key, stored: (Key) throws -> Row?) rethrows -> Row? {
        holdsEverything ? nil : try stored(key)
    }

    /// Holds `row` as the row of `key`, to be written.
    mutating func set(_ row: Row, for key: Key) {
        rows[key] = row
        unwritten.insert(key)
    }

    /// Changes the row of `key` if the table has one (an event for a row it has not is ignored,
    /// as an update of no row would be), to be written.
    mutating func change(_ key: Key, stored: (Key) throws -> Row?, _ body: (inout Row) -> Void) rethrows {
        // A held row is changed where it is held: copying it out and back retained and released
        // each of its strings.
        if let index = rows.index(forKey: key) {
            body(&rows.values[index])
            unwritten.insert(key)
            return
        }
        guard var row = try unheld(key, stored: stored) else { return }
        body(&row)
        set(row, for: key)
    }

    /// Hands the rows changed since the last flush to `write`, in key order; forgets every row
    /// when more than ``maximum`` are held.
    mutating func flush(_ write: (Key, Row) throws -> Void) rethrows {
        for key in unwritten.sorted() { try write(key, rows[key]!) }
        unwritten = []
        if isFull {
            rows = [:]
            holdsEverything = false
        }
    }
}
