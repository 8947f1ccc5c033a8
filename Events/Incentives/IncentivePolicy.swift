/// The incentive rules of one academic year, as data an official edits (docs/incentives.md).
///
/// Points are given per kind of participation (a rule id) and per kind of participant; caps bound
/// what a participant earns in the year, per rule and in total; thresholds say how many points
/// make a participant eligible for each incentive.
public struct IncentivePolicy: Codable, Hashable, Sendable {
    /// The academic year it governs, by its first Jalali year (1404 for 1404-1405).
    public var academicYear: Int
    /// A version name, e.g. `1404.1`.
    public var version: String
    /// Points by rule id, then by participant kind (`student`, `faculty`, `student_group`, …).
    public var points: [String: [String: Double]]
    /// The most points a participant earns in the year under a rule id, or in `total`.
    public var caps: [String: Double]
    /// Incentive id → who can reach it, and with how many points.
    public var thresholds: [String: Threshold]
    /// The largest amount in rials one officer may award alone: a grant or prize above it counts
    /// once a second officer approves it. No limit when absent.
    public var secondApprovalAboveRials: Int64?

    public struct Threshold: Codable, Hashable, Sendable {
        /// The participant kinds the incentive is for.
        public var kinds: [String]
        /// The points that make a participant eligible.
        public var minimumPoints: Double
        /// For faculty promotion points: the bylaw's cap for this kind of activity.
        public var maximumAward: Double?

        public init(kinds: [String], minimumPoints: Double, maximumAward: Double? = nil) {
            self.kinds = kinds
            self.minimumPoints = minimumPoints
            self.maximumAward = maximumAward
        }
    }

    /// The rule ids a policy may score, one per kind of participation.
    public static let ruleIds = [
        "survey.answered", "regulation.comment", "regulation.amendment_proposed", "regulation.amendment_adopted",
        "regulation.amendment_partly_adopted", "endorsement.received", "idea.submitted", "idea.accepted", "experience.accepted",
        "festival.winner",
    ]

    public init(
        academicYear: Int, version: String, points: [String: [String: Double]], caps: [String: Double], thresholds: [String: Threshold],
        secondApprovalAboveRials: Int64? = nil
    ) {
        self.academicYear = academicYear
        self.version = version
        self.points = points
        self.caps = caps
        self.thresholds = thresholds
        self.secondApprovalAboveRials = secondApprovalAboveRials
    }
}
