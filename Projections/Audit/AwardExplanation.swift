import EventStore
import GRDB
import HadafEvents

/// The chain from an award back to each participation event that earned it (`hadaf explain`):
/// the award and what became of it, then, folded again from the log to the award's basis, each
/// ledger line that counted (the event, when it happened, the rule, the points), and what the
/// audit finds on the award.
public struct AwardExplanation: Codable, Equatable, Sendable {
    /// One event behind the award.
    public struct Line: Codable, Hashable, Sendable {
        public let position: Int64
        public let eventType: String
        public let stream: String
        /// When the act happened (else when it was recorded), milliseconds since the epoch.
        public let occurredAtMilliseconds: Int64
        public let rule: String
        public let points: Double
        /// A cap cut the points.
        public let capped: Bool
    }

    public let award: AwardIssued
    /// Where the award is in the log.
    public let position: Int64
    public let approvedBy: String?
    public let revocationReason: String?
    /// The recipient's points recomputed at the basis, and the lines behind them.
    public let recomputedPoints: Double
    public let lines: [Line]
    public let findings: [AuditFinding]

    /// Explains the award `awardId` from the log alone.
    public static func explain(_ awardId: String, in store: EventStore) throws(ProjectionError) -> AwardExplanation? {
        guard let office = try AuditedOffice.read(ofAward: awardId, from: store),
              let award = office.awards.first(where: { $0.issued.awardId == awardId })
        else { return nil }
        let issued = award.issued
        var findings = office.findings.filter { $0.awardId == awardId }
        var standing: LedgerStanding?
        var scored: [(position: Int64, rule: String, points: Double, capped: Bool)] = []
        if (1..<award.position).contains(issued.basis.readAt) {
            try LedgerReplay.replay(to: [issued.basis.readAt], from: store) { position, db in
                standing = try LedgerStanding.read(holder: issued.recipient, year: issued.academicYear, readAt: position, in: db)
                scored = try Row.fetchAll(db, sql: """
                    SELECT position, rule_id, points, capped FROM ledger_lines
                    WHERE participant_id = ? AND academic_year = ? AND retracted = 0 AND points > 0 ORDER BY position, fact_key
                    """, arguments: [issued.recipient, issued.academicYear]).map { ($0[0], $0[1], $0[2], $0[3]) }
            }
        }
        if let standing {
            findings += try AwardAudit.check(issued, at: award.position, against: standing, in: store)
        } else {
            findings.append(AuditFinding(rule: .awardWithoutBasis, awardId: awardId, explanation: "The basis is not in the log before the award.", positions: [award.position]))
        }
        // A prize rests on its announcement alone: of the recipient's lines, the one it made.
        if !issued.kind.isByThreshold { scored = scored.filter { issued.basis.positions.contains($0.position) } }
        var lines: [Line] = []
        for line in scored {
            let event: RecordedEvent?
            do { event = try store.read(from: line.position, limit: 1).first } catch { throw .log(error) }
            guard let event else { continue }
            lines.append(Line(
                position: line.position, eventType: event.type, stream: event.stream,
                occurredAtMilliseconds: event.actedAtMilliseconds, rule: line.rule, points: line.points, capped: line.capped))
        }
        return AwardExplanation(
            award: issued, position: award.position, approvedBy: award.approval?.by, revocationReason: award.revocation?.reason,
            recomputedPoints: standing?.points ?? 0, lines: lines, findings: findings)
    }
}
