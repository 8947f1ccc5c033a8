/// A stored event whose value lies outside what today's rules allow: an amount beyond
/// ``Rials/maximum``, a negative amount, a year outside ``AcademicYear/plausibleStartYears``, a
/// number that is not finite.
///
/// The log cannot be edited, and commands refuse such values, so one can only be there if it
/// was appended around the commands (an import, a raw append, an older version). Readers treat
/// the event as unreadable: they skip it and report it (the projectors' skipped events, the
/// audit's findings) instead of folding a value that would overflow a sum or stop a page.
public struct BoundsError: Error, Hashable, Sendable, CustomStringConvertible {
    public let eventType: String
    public let field: String
    public let value: String

    public init(eventType: String, field: String, value: String) {
        self.eventType = eventType
        self.field = field
        self.value = value
    }

    public var description: String { "\(eventType): '\(field)' is out of range (\(value))" }
}

/// Checks that a decoded event's values are within bounds; see ``DomainEvent/checkBounds()``.
public struct BoundsCheck {
    let eventType: String

    public init(_ eventType: String) { self.eventType = eventType }

    /// An amount in ``Rials/range``, or above zero when `positive`.
    public func rials(_ value: Int64?, _ field: String, positive: Bool = false) throws(BoundsError) {
        guard let value else { return }
        guard Rials.range.contains(value), !positive || value > 0 else { throw BoundsError(eventType: eventType, field: field, value: "\(value)") }
    }

    /// A year in ``AcademicYear/plausibleStartYears``.
    public func year(_ value: Int, _ field: String) throws(BoundsError) {
        guard AcademicYear.plausibleStartYears.contains(value) else { throw BoundsError(eventType: eventType, field: field, value: "\(value)") }
    }

    /// A finite number at least zero (points, shares, scores).
    public func nonNegative(_ value: Double?, _ field: String) throws(BoundsError) {
        guard let value else { return }
        guard value.isFinite, value >= 0 else { throw BoundsError(eventType: eventType, field: field, value: "\(value)") }
    }
}
