import EventStore
import Foundation
import GRDB
import HadafEvents
import HadafProjections

/// Awards for everyone a generated year made eligible, as officers would issue them: each
/// names the ledger's standing (position, policy, lines) read from a rebuilt read model, and
/// paid kinds draw on one budget line per university. Appended as events, as the office would.
enum AwardSample {
    static let year = 1404
    /// The ministry office, which tools/generate_year.py appoints: the audit counts only acts of
    /// officers the log shows.
    static let officer = "ministry-office"
    static let office = EventMetadata(actorId: officer, actorRole: "ministry_officer")

    /// Issues the awards; returns how many.
    static func issue(in store: EventStore, model: ReadModel) async throws -> Int {
        var issued = 0
        let universities = try model.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT university FROM eligibility WHERE academic_year = ? AND university IS NOT NULL ORDER BY university", arguments: [year])
        }
        for university in universities {
            let entries = try EligibilityEntry.read(university: university, year: year, in: model).filter { !$0.participant.hasPrefix("university:") }
            guard !entries.isEmpty else { continue }
            var events = [try NewEvent(BudgetLineAllocated(lineId: "grants", title: "گرنت‌ها", rials: 1_000_000_000_000), metadata: Self.office)]
            for entry in entries {
                guard let kind = AwardKind(rawValue: entry.incentive) else { continue }
                let standing = try LedgerStanding.read(holder: entry.participant, year: year, in: model)
                let award = AwardIssued(
                    awardId: AwardEvent.awardId(university: university, year: year, number: events.count), recipient: entry.participant, university: university,
                    kind: kind, academicYear: year, policyVersion: standing.policy?.version ?? "",
                    basis: AwardBasis(readAt: standing.readAt, positions: standing.positions, points: standing.points),
                    rials: kind.isPaid ? 10_000_000 : nil, budgetLine: kind.isPaid ? "grants" : nil,
                    promotionPoints: kind == .facultyPromotionPoints ? 1 : nil, verificationCode: "BENC-HBEN-CH00", issuedBy: Self.officer, awaitsSecondApproval: false)
                events.append(try NewEvent(award, metadata: Self.office))
            }
            _ = try await store.append(events, to: AwardEvent.stream(university: university, year: year))
            issued += events.count - 1
        }
        return issued
    }
}
