/// What an append expects of its stream's version, for optimistic concurrency.
///
/// A command handler reads a stream, decides, and appends with `.exact(version it read)`: if
/// another writer got there first, the append is refused with
/// ``EventStoreError/versionConflict(stream:expected:actual:)`` and the handler can retry.
public enum ExpectedVersion: Hashable, Sendable {
    /// Append whatever the stream's version.
    case any
    /// Append only if the stream has no event yet.
    case noStream
    /// Append only if the stream's last event has this version (1-based).
    case exact(Int64)

    /// Whether a stream whose last version is `actual` (0 when empty) satisfies the expectation.
    func isSatisfied(by actual: Int64) -> Bool {
        switch self {
        case .any: true
        case .noStream: actual == 0
        case let .exact(version): actual == version
        }
    }
}
