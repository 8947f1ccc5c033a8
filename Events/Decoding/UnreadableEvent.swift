import EventStore

/// A stored event that this version cannot read: its payload does not decode, its schema version
/// is newer than the code, or a value is out of bounds (``BoundsError``).
///
/// The log cannot be edited, so such an event stays forever. Readers never stop at one: a fold
/// skips it and goes on, and whoever reports on the log (the audit, the projectors' status) says
/// where it is. A refusal is a value of its own so that readers tell it from a storage failure,
/// which is retried instead.
public struct UnreadableEvent: Error, Hashable, Sendable, CustomStringConvertible {
    public let position: Int64
    public let type: String
    public let reason: String

    public init(position: Int64, type: String, reason: String) {
        self.position = position
        self.type = type
        self.reason = reason
    }

    public var description: String { "position \(position) (\(type)): \(reason)" }

    /// Whether `error`, thrown while reading an event, means the event cannot be read (as opposed
    /// to a failure of the storage, a bug, or a cancellation).
    public static func isUnreadable(_ error: any Error) -> Bool {
        switch error {
        case is UnreadableEvent, is DecodingError, is UpcastError, is BoundsError: true
        case let error as EventStoreError: if case .invalidJSON = error { true } else { false }
        default: false
        }
    }
}

extension EventFamily {
    /// Reads `recorded` as an event of this family: nil for an event of another family, and nil
    /// for one that cannot be read, which is handed to `skipped` (see ``UnreadableEvent``).
    public static func reading(_ recorded: RecordedEvent, skipped: (UnreadableEvent) -> Void = { _ in }) -> Self? {
        do {
            return try Self(recorded)
        } catch {
            skipped(UnreadableEvent(position: recorded.position, type: recorded.type, reason: String(describing: error)))
            return nil
        }
    }
}
