import Foundation
import HadafEvents

/// A university's awards in one academic year: its budget lines and every award issued to its
/// participants, groups and deputy. Stream: `awards-<university>-<year>`.
///
/// One stream holds both so that the rules that bind awards together are decided at once: an
/// award is not issued twice for a year, and the grants charged to a line never exceed it
/// (awards awaiting a second officer hold their amount too). Revoking frees the amount.
public enum AwardOffice: Decider {
    public enum Command: Sendable {
        case allocate(BudgetLineAllocated)
        case issue(AwardDraft, evidence: AwardEvidence, officer: ParticipantDirectory.Member)
        case approve(awardId: String, officer: ParticipantDirectory.Member)
        case revoke(awardId: String, reason: String, officer: ParticipantDirectory.Member)
    }

    /// A budget line: what was allocated to it and what its awards hold.
    public struct BudgetLine: Sendable, Hashable {
        public var title: String
        public var allocated: Int64
        public var committed: Int64

        public var remaining: Int64 {
            var remaining = allocated
            remaining.saturatingSubtract(committed)
            return remaining
        }
    }

    /// An award as the stream holds it.
    public struct Held: Sendable, Equatable {
        public let issued: AwardIssued
        public var approvedBy: String?
        public var revoked: AwardRevoked?

        /// Whether it counts: not revoked, and approved when it awaited approval.
        public var counts: Bool { revoked == nil && (!issued.awaitsSecondApproval || approvedBy != nil) }
    }

    public struct State: Sendable {
        public var lines: [String: BudgetLine] = [:]
        public var awards: [String: Held] = [:]
        /// The award holding each uniqueness key, among those not revoked.
        public var active: [String: String] = [:]
    }

    public typealias Event = AwardEvent

    public static var initialState: State { State() }

    public static func stream(university: String, year: Int) -> String { AwardEvent.stream(university: university, year: year) }

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        switch command {
        case let .allocate(allocation):
            guard [.ministryOfficer, .system].contains(context.actor.role) else { throw .forbidden(role: context.actor.role, action: "allocate budget lines") }
            if allocation.lineId.isEmpty { throw .budgetAllocationInvalid(field: "lineId") }
            if allocation.title.isEmpty { throw .budgetAllocationInvalid(field: "title") }
            guard allocation.rials > 0, Rials.range.contains(allocation.rials) else { throw .rialsOutOfRange(field: "rials", allocation.rials) }
            let allocated = state.lines[allocation.lineId]?.allocated ?? 0
            guard let total = Rials.sum(allocated, allocation.rials), total <= Rials.maximum else {
                throw .rialsOutOfRange(field: "rials", allocation.rials, total: allocated)
            }
            return [.budgetAllocated(allocation)]

        case let .issue(draft, evidence, officer):
            try mayAct(officer, on: draft.university, "issue awards")
            let key = AwardDraft.uniquenessKey(recipient: draft.recipient, kind: draft.kind, festivalId: evidence.basis.festivalId, entryId: evidence.basis.entryId)
            if let existing = state.active[key] { throw .awardAlreadyIssued(draft.kind, existing: existing) }
            if draft.kind.isByThreshold {
                guard evidence.reached.contains(draft.kind.rawValue) else { throw .awardNotEligible(draft.recipient, draft.kind, year: draft.academicYear) }
            } else {
                guard let prize = evidence.prizeRials else { throw .awardNotEligible(draft.recipient, draft.kind, year: draft.academicYear) }
                if let rials = draft.rials, rials > prize { throw .awardAbovePrize(rials, prize: prize) }
            }
            try checkAmount(draft, in: state)
            if draft.kind == .facultyPromotionPoints {
                guard let points = draft.promotionPoints, points > 0, points <= (evidence.maximumPromotionPoints ?? .infinity) else {
                    throw .awardPromotionPointsInvalid(maximum: evidence.maximumPromotionPoints)
                }
            } else if draft.promotionPoints != nil {
                throw .awardPromotionPointsInvalid(maximum: nil)
            }
            let awaits = (draft.rials ?? 0) > (evidence.secondApprovalAboveRials ?? .max)
            return [.issued(AwardIssued(
                awardId: awardId(draft, number: state.awards.count + 1), recipient: draft.recipient, university: draft.university, kind: draft.kind, academicYear: draft.academicYear,
                policyVersion: evidence.policyVersion, basis: evidence.basis, rials: draft.rials, budgetLine: draft.budgetLine,
                promotionPoints: draft.promotionPoints, verificationCode: draft.verificationCode, issuedBy: officer.actor.id, awaitsSecondApproval: awaits))]

        case let .approve(awardId, officer):
            guard let held = state.awards[awardId] else { throw .awardNotFound }
            try mayAct(officer, on: held.issued.university, "approve awards")
            guard held.revoked == nil else { throw .awardRevoked }
            guard held.issued.awaitsSecondApproval else { throw .awardNotAwaitingApproval }
            if held.approvedBy != nil { return [] }
            guard officer.actor.id != held.issued.issuedBy else { throw .awardSecondOfficerRequired }
            return [.approved(AwardApproved(awardId: awardId, approvedBy: officer.actor.id))]

        case let .revoke(awardId, reason, officer):
            guard let held = state.awards[awardId] else { throw .awardNotFound }
            try mayAct(officer, on: held.issued.university, "revoke awards")
            if held.revoked != nil { return [] }
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw .required(field: "reason") }
            return [.revoked(AwardRevoked(awardId: awardId, reason: reason, revokedBy: officer.actor.id))]
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .budgetAllocated(allocation):
            // Sums saturate: events already in the log cannot be refused, only held within range.
            state.lines[allocation.lineId, default: BudgetLine(title: allocation.title, allocated: 0, committed: 0)].allocated.saturatingAdd(allocation.rials)
        case let .issued(issued):
            state.awards[issued.awardId] = Held(issued: issued)
            state.active[key(of: issued)] = issued.awardId
            if let line = issued.budgetLine, let rials = issued.rials { state.lines[line]?.committed.saturatingAdd(rials) }
        case let .approved(approval):
            state.awards[approval.awardId]?.approvedBy = approval.approvedBy
        case let .revoked(revocation):
            guard let held = state.awards[revocation.awardId] else { return state }
            state.awards[revocation.awardId]?.revoked = revocation
            if state.active[key(of: held.issued)] == revocation.awardId { state.active[key(of: held.issued)] = nil }
            if let line = held.issued.budgetLine, let rials = held.issued.rials { state.lines[line]?.committed.saturatingSubtract(rials) }
        }
        return state
    }

    static func awardId(_ draft: AwardDraft, number: Int) -> String {
        AwardEvent.awardId(university: draft.university, year: draft.academicYear, number: number)
    }

    /// The stream an award id names, or nil for an id of another shape.
    public static func stream(ofAward awardId: String) -> String? {
        AwardEvent.office(ofAward: awardId).map { stream(university: $0.university, year: $0.year) }
    }

    /// The key that makes an issued award the same as another.
    static func key(of issued: AwardIssued) -> String {
        AwardDraft.uniquenessKey(recipient: issued.recipient, kind: issued.kind, festivalId: issued.basis.festivalId, entryId: issued.basis.entryId)
    }

    /// A ministry officer acts on any university; a deputy officer on their own only.
    private static func mayAct(_ officer: ParticipantDirectory.Member, on university: String, _ action: String) throws(DomainError) {
        switch officer.actor.role {
        case .ministryOfficer, .system: return
        case .universityDeputyOfficer where officer.university == university: return
        case .universityDeputyOfficer: throw .forbidden(role: officer.actor.role, action: "\(action) for another university")
        default: throw .forbidden(role: officer.actor.role, action: action)
        }
    }

    /// A paid award names an amount and a line that has it; any other names neither.
    private static func checkAmount(_ draft: AwardDraft, in state: State) throws(DomainError) {
        guard draft.kind.isPaid else {
            if draft.rials != nil || draft.budgetLine != nil { throw .awardAmountNotAllowed(draft.kind) }
            return
        }
        guard let rials = draft.rials, rials > 0, let lineId = draft.budgetLine else { throw .awardAmountRequired(draft.kind) }
        guard Rials.range.contains(rials) else { throw .rialsOutOfRange(field: "rials", rials) }
        guard let line = state.lines[lineId] else { throw .budgetLineUnknown(lineId) }
        guard line.remaining >= rials else { throw .budgetExceeded(lineId, remaining: line.remaining, asked: rials) }
    }
}

extension Int64 {
    /// Adds `amount`, held at the type's bounds instead of overflowing (see ``Rials/saturatingSum(_:_:)``).
    mutating func saturatingAdd(_ amount: Int64) { self = Rials.saturatingSum(self, amount) }

    /// Subtracts `amount`, held at the type's bounds instead of overflowing.
    mutating func saturatingSubtract(_ amount: Int64) {
        let (difference, overflow) = subtractingReportingOverflow(amount)
        self = overflow ? (amount > 0 ? .min : .max) : difference
    }
}
