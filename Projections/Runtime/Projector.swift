import EventStore
import GRDB

/// A fold of the log into tables of the read model.
///
/// The runtime hands a projector the log's events in global order, in batches, inside a write
/// transaction that also moves the projector's checkpoint: a crash never applies an event twice
/// nor skips one. A projector must be deterministic (the same events give the same rows), so that
/// a rebuild can be compared with the model it replaces, and it must name its tables and indexes
/// through ``TableNames``, so that a rebuild can build beside the model that keeps serving.
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

    /// Folds one event into its tables.
    func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws
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
