import EventStore
import GRDB

/// A fold of the log into tables of the read model.
///
/// The runtime hands a projector's fold the log's events in global order, in batches, inside a
/// write transaction that also moves the projector's checkpoint: a crash never applies an event
/// twice nor skips one. A projector must be deterministic (the same events give the same rows),
/// so that a rebuild can be compared with the model it replaces, and it must name its tables and
/// indexes through ``TableNames``, so that a rebuild can build beside the model that keeps serving.
public protocol Projector: Sendable {
    /// A stable name, e.g. `catalogue`: the key of its checkpoint.
    var name: String { get }
    /// The version of its tables and rules; a projector whose version changed is rebuilt.
    var version: Int { get }
    /// The tables it owns, by their base names.
    var tables: [String] { get }
    /// The event types it reads; the runtime skips others without handing them over.
    var eventTypes: Set<String> { get }

    /// Creates its tables and indexes, named through `names`.
    func createTables(in db: Database, names: TableNames) throws

    /// A fold over the tables named by `names`, for one run of the runtime (a catch-up, a
    /// rebuild). `startsEmpty` says that the tables were created empty for this run, so the fold
    /// need not look up what it has not seen.
    func makeFold(names: TableNames, startsEmpty: Bool) -> any ProjectionFold

    /// Whether a rebuild of several projectors folds this one on a thread of its own, into a
    /// scratch file whose tables are copied into the read model at the swap.
    ///
    /// SQLite lets one connection write a file at a time, so projectors that share the read
    /// model fold one after the other. A fold that spends its time in memory and writes few rows
    /// for it (the ledger) can run beside them on another core; copying its rows costs far less
    /// than the time it runs. False by default.
    var rebuildsApart: Bool { get }

    /// Tables an earlier version owned and this one does not: the swap drops them, so that a
    /// read model upgraded in place holds no table that nothing writes any more. None by default.
    var retiredTables: [String] { get }
}

extension Projector {
    public var rebuildsApart: Bool { false }
    public var retiredTables: [String] { [] }
}

/// What a projector holds while the runtime feeds it events: state read from its tables, and
/// rows it has not written yet, so that an event costs memory work rather than SQL statements.
///
/// The runtime calls ``apply(_:in:)`` for each event and ``flush(in:)`` in the same transaction,
/// before it moves the checkpoint: the rows on disk always match the checkpoint. A fold may flush
/// on its own too, to bound its memory. After a transaction rolls back, the runtime discards the
/// fold and makes a new one from the tables.
public protocol ProjectionFold: AnyObject {
    /// Folds one event of the projector's types.
    func apply(_ event: RecordedEvent, in db: Database) throws

    /// Writes what the fold holds back into its tables.
    func flush(in db: Database) throws
}

/// A projector that writes each event's rows as it folds it, keeping nothing between events.
public protocol RowByRowProjector: Projector {
    /// Folds one event into its tables.
    func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws
}

extension RowByRowProjector {
    public func makeFold(names: TableNames, startsEmpty _: Bool) -> any ProjectionFold {
        RowByRowFold(projector: self, names: names)
    }
}

/// The fold of a ``RowByRowProjector``: nothing held back.
final class RowByRowFold<P: RowByRowProjector>: ProjectionFold {
    let projector: P
    let names: TableNames

    init(projector: P, names: TableNames) {
        self.projector = projector
        self.names = names
    }

    func apply(_ event: RecordedEvent, in db: Database) throws {
        try projector.apply(event, in: db, names: names)
    }

    func flush(in _: Database) throws {}
}

/// The actual names of a projector's tables: the base names while serving, shadow names while
/// a rebuild builds beside them. Index names carry a generation, so that a rebuilt table's
/// indexes never collide with those of the table it replaces.
public struct TableNames: Sendable, Hashable {
    let suffix: String
    let generation: Int

    static func serving(generation: Int) -> TableNames { TableNames(suffix: "", generation: generation) }
    static func shadow(generation: Int) -> TableNames { TableNames(suffix: "__shadow", generation: generation) }

    /// The name of table `base`, quoted for SQL.
    public func table(_ base: String) -> String { "\"\(base)\(suffix)\"" }

    /// The name of an index of table `base`, quoted for SQL.
    public func index(_ name: String, on base: String) -> String { "\"\(base)_\(name)_g\(generation)\"" }
}
