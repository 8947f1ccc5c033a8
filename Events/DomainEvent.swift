import EventStore
import Foundation

/// A HADAF event: a Codable value with a stable type name and a schema version.
///
/// The name (`idea.submitted`) and version are what the log stores beside the payload; they
/// never change once events of that type exist. A payload whose shape changes gets a new
/// schema version, and ``upcast(_:from:decoder:)`` reads the older ones.
public protocol DomainEvent: Codable, Sendable, Equatable {
    /// The stable type name stored in the log, e.g. `idea.submitted`.
    static var eventType: String { get }
    /// The version of the payload's current shape, 1 or more.
    static var schemaVersion: Int64 { get }

    /// Reads a payload stored under an older schema `version` into the current shape. Events
    /// are immutable, so a schema change never rewrites the log: readers upcast old payloads.
    static func upcast(_ payload: Data, from version: Int64, decoder: JSONDecoder) throws -> Self

    /// Throws ``BoundsError`` when a value is outside what today's rules allow. Decoding a stored
    /// event calls it, so that no reader folds an amount that would overflow a sum or a year that
    /// has no calendar. Events with no bounded values keep the default, which checks nothing.
    func checkBounds() throws(BoundsError)
}

extension DomainEvent {
    public static var schemaVersion: Int64 { 1 }

    /// By default an event has had one shape only: an older version cannot be read.
    public static func upcast(_ payload: Data, from version: Int64, decoder: JSONDecoder) throws -> Self {
        throw UpcastError(eventType: eventType, version: version)
    }

    public func checkBounds() throws(BoundsError) {}
}

/// A stored payload whose schema version this code cannot read.
public struct UpcastError: Error, Hashable, Sendable {
    public let eventType: String
    public let version: Int64

    public init(eventType: String, version: Int64) {
        self.eventType = eventType
        self.version = version
    }
}
