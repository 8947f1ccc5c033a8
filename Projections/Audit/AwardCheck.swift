import HadafEvents

/// What the audit keeps of an award until the replay reaches its basis: enough to tell, against
/// the standing folded again there, that the award holds, in about a hundred bytes instead of
/// the award itself (a national year has over a million awards, each naming its ledger lines).
///
/// An award that does not pass so is read again from the log and checked in full
/// (``AwardAudit/check(_:at:against:in:)``), which names its findings.
struct AwardCheck {
    /// The award's place among those audited: the report lists findings in this order.
    let index: Int
    /// The position of its `award.issued` event.
    let position: Int64
    let question: LedgerReplay.Question
    let kind: AwardKind
    let policyVersion: String
    /// ``digest(of:)`` of the positions its basis names.
    let basisDigest: Int
    let rials: Int64?
    let awaitsSecondApproval: Bool

    init(_ award: AuditedOffice.Award, index: Int) {
        let issued = award.issued
        self.index = index
        position = award.position
        question = LedgerReplay.Question(holder: issued.recipient, year: issued.academicYear, readAt: issued.basis.readAt)
        kind = issued.kind
        policyVersion = issued.policyVersion
        basisDigest = Self.digest(of: issued.basis.positions)
        rials = issued.rials
        awaitsSecondApproval = issued.awaitsSecondApproval
    }

    /// Whether the standing bears the award out with nothing to report: an award by threshold
    /// that the recipient had reached, under the policy it names, on the lines it names, within
    /// the one-officer limit or awaiting a second officer. Festival prizes are always checked in
    /// full, against their announcement.
    func passes(_ standing: LedgerStanding) -> Bool {
        guard kind.isByThreshold, (standing.policy?.version ?? "") == policyVersion, standing.reached.contains(kind.rawValue),
              Self.digest(of: standing.positions) == basisDigest
        else { return false }
        if let rials, let limit = standing.policy?.secondApprovalAboveRials, rials > limit { return awaitsSecondApproval }
        return true
    }

    /// A digest of a basis's positions. `Hasher` is keyed afresh in every process, so a basis
    /// forged to match the recomputed lines' digest cannot be prepared in advance.
    static func digest(of positions: [Int64]) -> Int {
        var hasher = Hasher()
        hasher.combine(positions)
        return hasher.finalize()
    }
}
