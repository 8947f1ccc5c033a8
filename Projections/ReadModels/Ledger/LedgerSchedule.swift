import HadafEvents

/// A year's policy as scoring reads it for one kind of participant: each rule's points and cap
/// in an array by the rule's place in ``LedgerRule/allCases``, and the total cap.
///
/// Scoring a line from the policy itself took four look-ups by string (the rule's points, then
/// the kind's; the rule's cap; the total cap), 4% of a rebuild's ledger thread. A class, so that
/// handing a schedule to each event's scoring retains one reference, not the policy's tables.
final class LedgerSchedule: Sendable {
    /// The version of the policy it was made from.
    let version: String
    /// The participant kind it scores.
    let kind: String
    private let points: [Double]
    private let caps: [Double]
    /// The cap on a participant-year's points under every rule together.
    let totalCap: Double

    init(policy: IncentivePolicy, kind: String) {
        version = policy.version
        self.kind = kind
        points = LedgerRule.allCases.map { policy.points[$0.rawValue]?[kind] ?? 0 }
        caps = LedgerRule.allCases.map { policy.caps[$0.rawValue] ?? .infinity }
        totalCap = policy.caps["total"] ?? .infinity
    }

    /// What a fact under `rule` earns before shares and caps.
    func points(for rule: LedgerRule) -> Double { points[rule.ordinal] }

    /// The most a participant-year earns under `rule`.
    func cap(for rule: LedgerRule) -> Double { caps[rule.ordinal] }
}

extension LedgerRule {
    /// The rule's place in ``allCases``.
    fileprivate var ordinal: Int {
        switch self {
        case .surveyAnswered: 0
        case .regulationComment: 1
        case .amendmentProposed: 2
        case .amendmentAdopted: 3
        case .amendmentPartlyAdopted: 4
        case .endorsementReceived: 5
        case .ideaSubmitted: 6
        case .ideaAccepted: 7
        case .experienceAccepted: 8
        case .festivalWinner: 9
        }
    }
}
