import EventStore
import Foundation

/// A HADAF event: a Codable value with a stable type name and a schema version.
///
/// The name (`idea.submitted`) and version are what the log stores beside the payload; they
/// never change once events of that type exist. A payload whose shape changes gets a new
/// schema version, and readers upcast older versions when they decode.
public protocol DomainEvent: Codable, Sendable, Equatable {
    /// The stable type name stored in the log, e.g. `idea.submitted`.
    static var eventType: String { get }
    /// The version of the payload's current shape, 1 or more.
    static var schemaVersion: Int64 { get }
}

extension DomainEvent {
    public static var schemaVersion: Int64 { 1 }
}
