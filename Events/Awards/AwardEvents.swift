import EventStore
import Foundation

/// What an award rests on, as the issuing officer read it: the log position at which the
/// ledger was read (its policy in force there, its points), and the positions of the ledger
/// lines that reached the award (for a festival prize, the announcement's position). The audit
/// recomputes both from the log.
public struct AwardBasis: Codable, Hashable, Sendable {
    /// The log position the ledger had folded when eligibility was read.
    public let readAt: Int64
    /// The positions of the events whose ledger lines count towards the award.
    public let positions: [Int64]
    /// The recipient's points for the year at `readAt`.
    public let points: Double
    /// For a festival prize: the festival and the entry that won it.
    public let festivalId: String?
    public let entryId: String?

    public init(readAt: Int64, positions: [Int64], points: Double, festivalId: String? = nil, entryId: String? = nil) {
        self.readAt = readAt
        self.positions = positions
        self.points = points
        self.festivalId = festivalId
        self.entryId = entryId
    }
}

/// The ministry allocated money to a budget line of a university's year (a second allocation
/// to the same line adds to it). Stream: `awards-<university>-<year>`.
public struct BudgetLineAllocated: DomainEvent {
    public static let eventType = "award.budget_allocated"
    public let lineId: String
    public let title: String
    public let rials: Int64

    public init(lineId: String, title: String, rials: Int64) {
        self.lineId = lineId
        self.title = title
        self.rials = rials
    }
}

extension BudgetLineAllocated {
    public func checkBounds() throws(BoundsError) {
        try BoundsCheck(Self.eventType).rials(rials, "rials", positive: true)
    }
}

/// An officer issued an award. Stream: `awards-<university>-<year>`, the recipient's
/// university, so that one stream decides double awards and budget lines together.
public struct AwardIssued: DomainEvent {
    public static let eventType = "award.issued"
    public let awardId: String
    /// A participant id, `group:<id>` for a student group, `university:<code>` for a
    /// university's deputy grant, `deputy:<code>` for a deputy's festival prize.
    public let recipient: String
    public let university: String
    public let kind: AwardKind
    public let academicYear: Int
    /// The version of the year's policy that made the recipient eligible.
    public let policyVersion: String
    public let basis: AwardBasis
    /// For a paid award: the amount, and the budget line it is charged to.
    public let rials: Int64?
    public let budgetLine: String?
    /// For an Article-1 statement: the promotion points it states, at most the bylaw's cap.
    public let promotionPoints: Double?
    /// The short code a certificate carries, by which anyone verifies it.
    public let verificationCode: String
    public let issuedBy: String
    /// The amount exceeds the policy's limit for one officer: it counts once a second officer
    /// approves it.
    public let awaitsSecondApproval: Bool

    public init(
        awardId: String, recipient: String, university: String, kind: AwardKind, academicYear: Int, policyVersion: String, basis: AwardBasis,
        rials: Int64?, budgetLine: String?, promotionPoints: Double?, verificationCode: String, issuedBy: String, awaitsSecondApproval: Bool
    ) {
        self.awardId = awardId
        self.recipient = recipient
        self.university = university
        self.kind = kind
        self.academicYear = academicYear
        self.policyVersion = policyVersion
        self.basis = basis
        self.rials = rials
        self.budgetLine = budgetLine
        self.promotionPoints = promotionPoints
        self.verificationCode = verificationCode
        self.issuedBy = issuedBy
        self.awaitsSecondApproval = awaitsSecondApproval
    }
}

extension AwardIssued {
    public func checkBounds() throws(BoundsError) {
        let check = BoundsCheck(Self.eventType)
        try check.rials(rials, "rials")
        try check.year(academicYear, "academicYear")
        try check.nonNegative(promotionPoints, "promotionPoints")
        try check.nonNegative(basis.points, "basis.points")
    }
}

/// A second officer approved an award that awaited it.
public struct AwardApproved: DomainEvent {
    public static let eventType = "award.approved"
    public let awardId: String
    public let approvedBy: String

    public init(awardId: String, approvedBy: String) {
        self.awardId = awardId
        self.approvedBy = approvedBy
    }
}

/// An officer revoked an award, with the reason; a revoked grant frees its budget.
public struct AwardRevoked: DomainEvent {
    public static let eventType = "award.revoked"
    public let awardId: String
    public let reason: String
    public let revokedBy: String

    public init(awardId: String, reason: String, revokedBy: String) {
        self.awardId = awardId
        self.reason = reason
        self.revokedBy = revokedBy
    }
}

/// The events of a university-year's awards stream.
public enum AwardEvent: EventFamily {
    case budgetAllocated(BudgetLineAllocated)
    case issued(AwardIssued)
    case approved(AwardApproved)
    case revoked(AwardRevoked)

    public var event: any DomainEvent {
        switch self {
        case let .budgetAllocated(event): event
        case let .issued(event): event
        case let .approved(event): event
        case let .revoked(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        let event: Self? = switch recorded.type {
        case AwardIssued.eventType: try recorded.decode(as: AwardIssued.self, Self.issued)
        case BudgetLineAllocated.eventType: try recorded.decode(as: BudgetLineAllocated.self, Self.budgetAllocated)
        case AwardApproved.eventType: try recorded.decode(as: AwardApproved.self, Self.approved)
        case AwardRevoked.eventType: try recorded.decode(as: AwardRevoked.self, Self.revoked)
        default: nil
        }
        guard let event else { return nil }
        self = event
    }

    /// The stream of a university's awards and budget lines in an academic year.
    public static func stream(university: String, year: Int) -> String { "awards-\(university)-\(year)" }

    /// Awards are numbered in their stream, `<university>-<year>-<n>`, so that an id says where
    /// the award is.
    public static func awardId(university: String, year: Int, number: Int) -> String { "\(university)-\(year)-\(number)" }

    /// The university and year an award id names, or nil for an id of another shape.
    public static func office(ofAward awardId: String) -> (university: String, year: Int)? {
        let parts = awardId.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let year = Int(parts[parts.count - 2]), Int(parts[parts.count - 1]) != nil else { return nil }
        let university = parts.dropLast(2).joined(separator: "-")
        return university.isEmpty ? nil : (university, year)
    }

    /// The university and year of an `awards-<university>-<year>` stream, or nil for another stream.
    public static func office(ofStream stream: String) -> (university: String, year: Int)? {
        guard stream.hasPrefix("awards-"), let dash = stream.lastIndex(of: "-"), let year = Int(stream[stream.index(after: dash)...]) else { return nil }
        let university = stream[stream.index(stream.startIndex, offsetBy: "awards-".count)..<dash]
        return university.isEmpty ? nil : (String(university), year)
    }
}
