/// Where a projector stands.
public struct ProjectorStatus: Sendable, Hashable, Codable {
    public let name: String
    public let version: Int
    /// The position of the last event it has folded.
    public let position: Int64
    /// How many events of the log it has not folded yet.
    public let lag: Int64
    /// SHA-256 (hex) of its tables' rows in full column order: two models with the same hash at
    /// the same position are the same. Nil when not asked for (it reads every row), or before
    /// the projector has tables.
    public let contentHash: String?
    /// The event it stopped at, when it failed, and why.
    public let failure: Failure?

    public struct Failure: Sendable, Hashable, Codable {
        public let position: Int64
        public let message: String
    }
}
