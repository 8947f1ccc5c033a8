import EventStore
import HadafEvents

/// One awards stream (a university's year) as the audit reads it: the awards with what became
/// of them, and the findings the stream shows by itself (double awards, budget lines unknown
/// or overspent, an officer approving their own award). Folded here, apart from the deciders
/// that wrote it, so that the audit does not trust the code it checks.
struct AuditedOffice {
    struct Award {
        let issued: AwardIssued
        let position: Int64
        /// When it was issued (the act's time, else the recording's), milliseconds since the epoch.
        let issuedAtMilliseconds: Int64
        /// Every approval recorded, in order; the first is the one that counts (a command never
        /// approves twice), the others are kept for the audit to check who made them.
        var approvals: [(by: String, position: Int64)] = []
        var approval: (by: String, position: Int64)? { approvals.first }
        var revocation: (reason: String, position: Int64)?
    }

    private(set) var awards: [Award] = []
    private(set) var findings: [AuditFinding] = []
    private(set) var budgetLines = 0

    /// Folds `events`; `observe` sees each readable one with what it reads as, so that the audit
    /// checks who acted without decoding the stream twice.
    init(_ events: [RecordedEvent], observe: (RecordedEvent, AwardEvent) throws(ProjectionError) -> Void = { _, _ in }) throws(ProjectionError) {
        var allocated: [String: Int64] = [:]
        var committed: [String: Int64] = [:]
        var active: [String: Int] = [:]
        var indices: [String: Int] = [:]
        for recorded in events {
            let event = AwardEvent.reading(recorded) { unreadable in
                findings.append(AuditFinding(
                    rule: .eventUnreadable, awardId: nil, explanation: "The event at \(unreadable) is skipped by every reader.", positions: [recorded.position]))
            }
            if let event { try observe(recorded, event) }
            switch event {
            case let .budgetAllocated(allocation)?:
                if allocated[allocation.lineId] == nil { budgetLines += 1 }
                allocated[allocation.lineId] = Rials.saturatingSum(allocated[allocation.lineId] ?? 0, allocation.rials)
            case let .issued(issued)?:
                let award = Award(issued: issued, position: recorded.position, issuedAtMilliseconds: recorded.actedAtMilliseconds)
                let key = Self.key(of: issued)
                if let earlier = active[key] {
                    findings.append(AuditFinding(
                        rule: .doubleAward, awardId: issued.awardId,
                        explanation: "\(issued.awardId) repeats \(awards[earlier].issued.awardId): a \(issued.kind.englishName) for \(issued.recipient) in \(issued.academicYear), neither revoked.",
                        positions: [awards[earlier].position, recorded.position]))
                }
                // A negative amount is a finding of its own (``AwardAudit``), never a refund that
                // would hide an overspend.
                if let line = issued.budgetLine, let rials = issued.rials, rials > 0 {
                    if let available = allocated[line] {
                        committed[line] = Rials.saturatingSum(committed[line] ?? 0, rials)
                        if committed[line]! > available {
                            findings.append(AuditFinding(
                                rule: .budgetOverspent, awardId: issued.awardId,
                                explanation: "\(issued.awardId) brings line '\(line)' to \(committed[line]!) rials charged against \(available) allocated.",
                                positions: [recorded.position]))
                        }
                    } else {
                        findings.append(AuditFinding(
                            rule: .budgetLineUnknown, awardId: issued.awardId,
                            explanation: "\(issued.awardId) is charged to line '\(line)', which had no allocation.", positions: [recorded.position]))
                    }
                }
                active[key] = awards.count
                indices[issued.awardId] = awards.count
                awards.append(award)
            case let .approved(approval)?:
                guard let index = indices[approval.awardId] else { continue }
                awards[index].approvals.append((approval.approvedBy, recorded.position))
                if approval.approvedBy == awards[index].issued.issuedBy {
                    findings.append(AuditFinding(
                        rule: .approvalBySameOfficer, awardId: approval.awardId,
                        explanation: "\(approval.awardId) was issued and approved by the same officer, \(approval.approvedBy).",
                        positions: [awards[index].position, recorded.position]))
                }
            case let .revoked(revocation)?:
                guard let index = indices[revocation.awardId], awards[index].revocation == nil else { continue }
                awards[index].revocation = (revocation.reason, recorded.position)
                let issued = awards[index].issued
                if active[Self.key(of: issued)] == index { active[Self.key(of: issued)] = nil }
                if let line = issued.budgetLine, let rials = issued.rials, rials > 0, allocated[line] != nil { committed[line] = Rials.saturatingSum(committed[line] ?? 0, -rials) }
            case nil:
                continue
            }
        }
    }

    /// The awards stream `stream`, read from the log and folded.
    static func read(_ stream: String, from store: EventStore) throws(ProjectionError) -> AuditedOffice {
        let events: [RecordedEvent]
        do { events = try store.readStream(stream) } catch { throw .log(error) }
        return try AuditedOffice(events)
    }

    /// The awards stream an award id names, or nil for an id of another shape.
    static func read(ofAward awardId: String, from store: EventStore) throws(ProjectionError) -> AuditedOffice? {
        guard let office = AwardEvent.office(ofAward: awardId) else { return nil }
        return try read(AwardEvent.stream(university: office.university, year: office.year), from: store)
    }

    /// What makes two awards the same: recipient and kind in the stream's year, or for a prize
    /// the recipient and the winning entry.
    static func key(of issued: AwardIssued) -> String {
        issued.kind == .festivalPrize
            ? "\(issued.recipient)|prize|\(issued.basis.festivalId ?? "")|\(issued.basis.entryId ?? "")"
            : "\(issued.recipient)|\(issued.kind.rawValue)"
    }
}
