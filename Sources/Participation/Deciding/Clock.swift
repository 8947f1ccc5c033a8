import Foundation
import Synchronization

/// Where commands get the time: injected so that tests and imports can set it.
public protocol Clock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> Date { Date() }
}

/// A clock that says what it is told, for tests and for replaying acts at their own time.
public final class ManualClock: Clock {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
