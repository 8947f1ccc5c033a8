import HadafEvents

/// An award as an officer asks for it, before the office decides and names it: who, what,
/// how much and from which budget line.
public struct AwardDraft: Sendable, Hashable {
    public let recipient: String
    public let university: String
    public let kind: AwardKind
    public let academicYear: Int
    public let rials: Int64?
    public let budgetLine: String?
    public let promotionPoints: Double?
    public let verificationCode: String

    public init(
        recipient: String, university: String, kind: AwardKind, academicYear: Int, rials: Int64?, budgetLine: String?,
        promotionPoints: Double?, verificationCode: String
    ) {
        self.recipient = recipient
        self.university = university
        self.kind = kind
        self.academicYear = academicYear
        self.rials = rials
        self.budgetLine = budgetLine
        self.promotionPoints = promotionPoints
        self.verificationCode = verificationCode
    }

    /// What makes two awards "the same award" for a year: the recipient and the kind, or for a
    /// prize the recipient and the festival entry that won it.
    static func uniquenessKey(recipient: String, kind: AwardKind, festivalId: String?, entryId: String?) -> String {
        kind == .festivalPrize ? "\(recipient)|prize|\(festivalId ?? "")|\(entryId ?? "")" : "\(recipient)|\(kind.rawValue)"
    }
}

/// What the read side says about a draft, as of one log position: the basis the award will
/// record, and what the policy in force allows.
public struct AwardEvidence: Sendable, Hashable {
    public let basis: AwardBasis
    /// The version of the year's policy the basis was read under (empty when none is adopted).
    public let policyVersion: String
    /// The incentives the recipient's points reached under it.
    public let reached: Set<String>
    /// For a festival prize: the recipient's share of it in rials; nil when they won none.
    public let prizeRials: Int64?
    /// The bylaw's cap on Article-1 points, from the policy.
    public let maximumPromotionPoints: Double?
    /// The policy's limit for one officer.
    public let secondApprovalAboveRials: Int64?

    public init(
        basis: AwardBasis, policyVersion: String, reached: Set<String>, prizeRials: Int64?, maximumPromotionPoints: Double?, secondApprovalAboveRials: Int64?
    ) {
        self.basis = basis
        self.policyVersion = policyVersion
        self.reached = reached
        self.prizeRials = prizeRials
        self.maximumPromotionPoints = maximumPromotionPoints
        self.secondApprovalAboveRials = secondApprovalAboveRials
    }
}
