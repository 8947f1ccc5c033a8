import EventStore
import Foundation

/// An officer adopted the incentive policy of an academic year. Stream: `policy-<year>`.
///
/// The event carries the policy file's exact text and its SHA-256, so the log alone says what
/// scored every event and anyone can check the text against the hash. A later adoption for the
/// same year replaces the earlier one for that year only.
public struct PolicyAdopted: DomainEvent {
    public static let eventType = "policy.adopted"
    public let academicYear: Int
    public let version: String
    /// The policy file as adopted, byte for byte (UTF-8).
    public let source: String
    /// SHA-256 of `source`, hex.
    public let contentHash: String

    public init(academicYear: Int, version: String, source: String, contentHash: String) {
        self.academicYear = academicYear
        self.version = version
        self.source = source
        self.contentHash = contentHash
    }

    /// The policy the source holds.
    /// The stream of a year's policies.
    public static func stream(year: Int) -> String { "policy-\(year)" }

    public func policy() throws -> IncentivePolicy {
        try JSONDecoder().decode(IncentivePolicy.self, from: Data(source.utf8))
    }
}
