/// What the ledger says of one holder in one academic year, as of one log position: the policy
/// in force, the points, the events whose lines count, and the incentives the points reach.
///
/// The issuing officer reads it from the live read model and records it as an award's basis;
/// the audit computes it again from the log alone and compares.
public struct LedgerStanding: Codable, Hashable, Sendable {
    /// The log position the ledger had folded.
    public let readAt: Int64
    /// The policy adopted for the year by then, if any.
    public let policy: IncentivePolicy?
    public let points: Double
    /// The positions of the events whose lines give points, ascending. Empty for a university,
    /// whose points are the sum of its participants'.
    public let positions: [Int64]
    /// The incentive ids reached, sorted.
    public let reached: [String]

    public init(readAt: Int64, policy: IncentivePolicy?, points: Double, positions: [Int64], reached: [String]) {
        self.readAt = readAt
        self.policy = policy
        self.points = points
        self.positions = positions
        self.reached = reached
    }
}
