import HadafEvents

/// What the audit keeps of an award until the replay reaches its basis: enough to tell, against
/// the standing folded again there, that the award holds, in seventy-two bytes instead of the
/// award itself (a national year has over a million awards, each naming its ledger lines).
///
/// An award that does not pass so is read again from the log and checked in full
/// (``AwardAudit/check(_:at:against:in:)``), which names its findings.
struct AwardCheck {
    let question: LedgerReplay.Question
    /// The position of its `award.issued` event.
    let position: Int64
    /// ``digest(kind:policyVersion:positions:)`` of the award's kind, policy version and basis.
    let digest: Int
    /// The amount it pays, 0 for none: no limit is below 0.
    let rials: Int64
    /// When it was issued: no act of its basis may be later.
    let issuedAtMilliseconds: Int64
    /// The award's place among those audited: the report lists findings in this order.
    let index: Int32
    let kind: AwardKind
    let awaitsSecondApproval: Bool

    init(_ award: AuditedOffice.Award, index: Int) {
        let issued = award.issued
        question = LedgerReplay.Question(holder: issued.recipient, year: issued.academicYear, readAt: issued.basis.readAt)
        position = award.position
        digest = Self.digest(kind: issued.kind, policyVersion: issued.policyVersion, positions: issued.basis.positions)
        rials = issued.rials ?? 0
        issuedAtMilliseconds = award.issuedAtMilliseconds
        self.index = Int32(index)
        kind = issued.kind
        awaitsSecondApproval = issued.awaitsSecondApproval
    }

    /// Whether the standing bears the award out with nothing to report: an award by threshold
    /// that the recipient had reached, under the policy it names, on the lines it names, within
    /// the one-officer limit or awaiting a second officer. Festival prizes are always checked in
    /// full, against their announcement.
    func passes(_ standing: LedgerStanding) -> Bool {
        guard kind.isByThreshold, standing.reached.contains(kind.rawValue),
              Self.digest(kind: kind, policyVersion: standing.policy?.version ?? "", positions: standing.positions) == digest
        else { return false }
        if let limit = standing.policy?.secondApprovalAboveRials, rials > limit { return awaitsSecondApproval }
        return true
    }

    /// A digest of what the award names, to compare with what the standing gives. `Hasher` is
    /// keyed afresh in every process, so an award forged to match a recomputed standing's digest
    /// cannot be prepared in advance.
    static func digest(kind: AwardKind, policyVersion: String, positions: [Int64]) -> Int {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(policyVersion)
        hasher.combine(positions)
        return hasher.finalize()
    }
}
