import EventStore
import Foundation
import HadafEvents
import HadafTestSupport
import Testing

/// An insider's frauds, planted around the commands into the documented year's log (awards,
/// grants, a festival, budgets, a policy), each as an insider with the database would append
/// it: the audit must report each by its rule and the positions that show it, and nothing on
/// the clean year. Add a case here for every new award rule.
@Suite("Planted frauds: the audit trusts only the log and the rules")
struct PlantedFraudTests {
    /// One planted fraud: what the audit must report, and where.
    struct Plant {
        let what: String
        let rule: String
        let position: Int64
    }

    @Test func everyPlantedFraudIsReportedWithItsPositionsAndTheCleanYearHasNone() async throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        try cli.succeed(["exec", "-"], input: try DocumentedCommands.lines().joined(separator: "\n"))
        #expect(try cli.succeed(["audit", "--json"]).standardOutput.contains(#""findings":[]"#))

        let store = try EventStore.open(at: cli.database)
        let office = AwardEvent.stream(university: "ut", year: 1405)
        let awards = try store.readStream(office).compactMap { try? $0.decode(as: AwardIssued.self) }
        let certificate = try #require(awards.first { $0.awardId == "ut-1405-4" })
        let deputy = certificate.issuedBy
        let recipient = certificate.recipient
        var plants: [Plant] = []

        func plant(_ what: String, _ rule: String, in stream: String, _ type: String, _ payload: String, actor: String?, role: String?, at: Date? = nil) async throws -> Int64 {
            let metadata = EventMetadata(actorId: actor, actorRole: role, occurredAt: at ?? Date())
            let position = try await store.append([NewEvent(type: type, payload: Data(payload.utf8), metadata: metadata)], to: stream).lastPosition
            plants.append(Plant(what: what, rule: rule, position: position))
            return position
        }
        func award(_ id: String, _ to: String, _ kind: String, rials: String? = nil, line: String? = nil, points: String? = nil, awaits: Bool = false, by issuer: String,
                   basis: AwardBasis? = nil, university: String = "ut") -> String {
            let basis = basis ?? certificate.basis
            var fields = [
                #""awardId":"\#(id)""#, #""recipient":"\#(to)""#, #""university":"\#(university)""#, #""kind":"\#(kind)""#, #""academicYear":1405"#,
                #""policyVersion":"1405.1""#, #""verificationCode":"PLNT-PLNT-PLNT""#, #""issuedBy":"\#(issuer)""#, #""awaitsSecondApproval":\#(awaits)"#,
                #""basis":{"readAt":\#(basis.readAt),"positions":[\#(basis.positions.map(String.init).joined(separator: ","))],"points":\#(basis.points)}"#,
            ]
            if let rials { fields.append(#""rials":\#(rials)"#) }
            if let line { fields.append(#""budgetLine":"\#(line)""#) }
            if let points { fields.append(#""promotionPoints":\#(points)"#) }
            return "{" + fields.joined(separator: ",") + "}"
        }

        // 1. Who acted is checked against the metadata and the appointments in the log.
        _ = try await plant("a budget allocated by a student", "act.unauthorised", in: office, "award.budget_allocated",
                            #"{"lineId":"student-grants","title":"بیشتر","rials":5000000000}"#, actor: recipient, role: "student")
        _ = try await plant("a grant, issued by the deputy, to be approved by its own recipient", "none", in: office, "award.issued",
                            award("ut-1405-90", recipient, "educational_grant", rials: "400000000", line: "student-grants", awaits: true, by: deputy),
                            actor: deputy, role: "university_deputy_officer")
        _ = try await plant("the approval by the recipient", "award.to_self", in: office, "award.approved",
                            #"{"awardId":"ut-1405-90","approvedBy":"\#(recipient)"}"#, actor: recipient, role: "university_deputy_officer")
        _ = try await plant("an approval by 'nobody' as the platform", "act.unauthorised", in: office, "award.approved",
                            #"{"awardId":"ut-1405-90","approvedBy":"nobody"}"#, actor: "nobody", role: "system")
        _ = try await plant("an approval naming a second officer, recorded as the issuer's", "act.unauthorised", in: office, "award.approved",
                            #"{"awardId":"ut-1405-90","approvedBy":"officer-2"}"#, actor: deputy, role: "university_deputy_officer")
        _ = try await plant("a ministry officer who holds no appointment", "act.unauthorised", in: office, "award.approved",
                            #"{"awardId":"ut-1405-90","approvedBy":"officer-9"}"#, actor: "officer-9", role: "ministry_officer")
        _ = try await plant("officer-2 dismissed", "none", in: StaffEvent.stream("officer-2"), "staff.dismissed",
                            #"{"officerId":"officer-2","reason":"پایان همکاری"}"#, actor: "officer-1", role: "ministry_officer")
        _ = try await plant("an approval after the approver's dismissal", "act.unauthorised", in: office, "award.approved",
                            #"{"awardId":"ut-1405-90","approvedBy":"officer-2"}"#, actor: "officer-2", role: "ministry_officer")
        _ = try await plant("Tehran's deputy issuing Sharif's award", "act.unauthorised", in: AwardEvent.stream(university: "sharif", year: 1405), "award.issued",
                            award("sharif-1405-1", recipient, "participation_certificate", by: deputy, university: "sharif"), actor: deputy, role: "university_deputy_officer")

        // 2. Policies by the hash of their text and who adopted them.
        let policy = #"{"academicYear":1405,"version":"1405.9","points":{},"caps":{},"thresholds":{"participation_certificate":{"kinds":["student"],"minimumPoints":1}}}"#
        let escaped = policy.replacingOccurrences(of: "\"", with: "\\\"")
        _ = try await plant("a policy adopted by a student with a hash of zeros", "policy.invalid", in: PolicyAdopted.stream(year: 1405), "policy.adopted",
                            #"{"academicYear":1405,"version":"1405.9","source":"\#(escaped)","contentHash":"\#(String(repeating: "0", count: 64))"}"#,
                            actor: recipient, role: "student")

        // 3. Amounts by sign, kind and cap; amounts past every bound are unreadable, not traps.
        _ = try await plant("a grant of negative rials, outside every bound", "event.unreadable", in: office, "award.issued",
                            award("ut-1405-91", recipient, "tourism_grant", rials: "-1000000000", line: "student-grants", by: deputy), actor: deputy, role: "university_deputy_officer")
        _ = try await plant("a grant paying nothing", "award.amount_invalid", in: office, "award.issued",
                            award("ut-1405-89", recipient, "tourism_grant", rials: "0", line: "student-grants", by: deputy), actor: deputy, role: "university_deputy_officer")
        _ = try await plant("a certificate carrying 290,000,000 rials", "award.amount_invalid", in: office, "award.issued",
                            award("ut-1405-92", deputy, "participation_certificate", rials: "290000000", line: "student-grants", by: "officer-1"), actor: "officer-1", role: "ministry_officer")
        _ = try await plant("50 promotion points where the policy caps them", "award.amount_invalid", in: office, "award.issued",
                            award("ut-1405-93", recipient, "faculty_promotion_points", points: "50", by: "officer-1"), actor: "officer-1", role: "ministry_officer")
        for number in 94...95 {
            _ = try await plant("an award of 5·10¹⁸ rials", "event.unreadable", in: office, "award.issued",
                                award("ut-1405-\(number)", recipient, "educational_grant", rials: "5000000000000000000", line: "student-grants", by: "officer-1"),
                                actor: "officer-1", role: "ministry_officer")
        }

        // 4. Doubles across streams, and look-alike stream names.
        _ = try await plant("the same certificate in Sharif's stream", "award.double", in: AwardEvent.stream(university: "sharif", year: 1405), "award.issued",
                            award("sharif-1405-2", recipient, "participation_certificate", by: "officer-1", university: "sharif"), actor: "officer-1", role: "ministry_officer")
        _ = try await plant("a look-alike stream", "stream.not_canonical", in: "awards-ut-01405", "award.issued",
                            award("ut-1405-96", recipient, "workshop_place", by: "officer-1"), actor: "officer-1", role: "ministry_officer")
        _ = try await plant("another look-alike", "stream.not_canonical", in: "awards-ut-+1405", "award.issued",
                            award("ut-1405-97", recipient, "workshop_place", by: "officer-1"), actor: "officer-1", role: "ministry_officer")

        // 5. Dates: an award dated before the acts that earned it; a bogus basis named.
        _ = try await plant("an award dated before its basis", "award.before_basis", in: office, "award.issued",
                            award("ut-1405-98", recipient, "advisory_council_seat", by: "officer-1"), actor: "officer-1", role: "ministry_officer",
                            at: Date(timeIntervalSince1970: 1_600_000_000))
        let bogus = AwardBasis(readAt: certificate.basis.readAt, positions: [certificate.basis.positions[0]], points: 99)
        let ineligible = try await plant("a certificate to someone who earned nothing", "award.not_eligible", in: office, "award.issued",
                                         award("ut-1405-99", "officer-2", "participation_certificate", by: "officer-1", basis: bogus), actor: "officer-1", role: "ministry_officer")

        // 6. A malformed award event is a finding; the audit goes on.
        _ = try await plant("a malformed award", "event.unreadable", in: office, "award.issued", #"{"awardId":5}"#, actor: "officer-1", role: "ministry_officer")

        // 7. The festival: a juror whose later appointment names another university, assigned
        // and scoring an entry of their own; a score for an entry never assigned; a second,
        // forged announcement.
        let festival = "festival-hadaf-4"
        _ = try await plant("juror-ut appointed from ut", "none", in: festival, "festival.juror_appointed",
                            #"{"jurorId":"juror-ut","sectionId":"ideas","university":"ut"}"#, actor: "officer-1", role: "ministry_officer")
        _ = try await plant("juror-ut appointed again, from razi", "none", in: festival, "festival.juror_appointed",
                            #"{"jurorId":"juror-ut","sectionId":"deputies","university":"razi"}"#, actor: "officer-1", role: "ministry_officer")
        _ = try await plant("juror-ut assigned Tehran's entry", "none", in: festival, "festival.jurors_assigned",
                            #"{"assignments":[{"entryId":"idea-maryam-1","jurorId":"juror-ut"}],"understaffed":[]}"#, actor: "officer-1", role: "ministry_officer")
        _ = try await plant("juror-ut scoring an entry of their own university", "festival.score_uncounted", in: festival, "festival.entry_scored",
                            #"{"entryId":"idea-maryam-1","jurorId":"juror-ut","scores":[{"criterion":"feasibility","score":1},{"criterion":"originality","score":1}]}"#,
                            actor: "juror-ut", role: "juror")
        _ = try await plant("a score for an entry never assigned", "festival.score_uncounted", in: festival, "festival.entry_scored",
                            #"{"entryId":"university-ut","jurorId":"juror-razi","scores":[{"criterion":"reach","score":1}]}"#, actor: "juror-razi", role: "juror")
        _ = try await plant("a juror assigning themself", "act.unauthorised", in: festival, "festival.jurors_assigned",
                            #"{"assignments":[{"entryId":"university-ut","jurorId":"juror-razi"}],"understaffed":[]}"#, actor: "juror-razi", role: "juror")
        _ = try await plant("a score recorded as another juror's act", "act.unauthorised", in: festival, "festival.entry_scored",
                            #"{"entryId":"idea-maryam-1","jurorId":"juror-razi","scores":[{"criterion":"feasibility","score":1},{"criterion":"originality","score":1}]}"#,
                            actor: "juror-sharif", role: "juror")
        let announced = try #require(try store.readStream(festival).first { $0.type == FestivalWinnersAnnounced.eventType })
        let forgedList = String(decoding: announced.payload, as: UTF8.self).replacingOccurrences(of: #""outcome":"winner""#, with: #""outcome":"reserve""#)
        #expect(forgedList != String(decoding: announced.payload, as: UTF8.self))
        _ = try await plant("a second, forged announcement", "festival.list_differs", in: festival, "festival.winners_announced", forgedList,
                            actor: "officer-1", role: "ministry_officer")

        let outcome = try cli.run(["audit", "--json"])
        #expect(outcome.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        for plant in plants where plant.rule != "none" {
            let found = findings.contains { ($0["rule"] as? String) == plant.rule && (($0["positions"] as? [Int]) ?? []).contains(Int(plant.position)) }
            #expect(found, "\(plant.what): no \(plant.rule) at position \(plant.position)")
        }
        // The bogus basis is named with the award.
        let notEligible = findings.first { ($0["rule"] as? String) == "award.not_eligible" && (($0["positions"] as? [Int]) ?? []).contains(Int(ineligible)) }
        #expect(((notEligible?["positions"] as? [Int]) ?? []).contains(Int(bogus.positions[0])))
    }

    /// The commands announce a festival once; a second announcement appended around them, which
    /// gives the prize to someone else, pays nothing in the ledger (the audit reports it). Before,
    /// every announcement in the stream paid.
    @Test func aSecondAnnouncementPaysNothing() async throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        try cli.succeed(["exec", "-"], input: try DocumentedCommands.lines().joined(separator: "\n"))
        let store = try EventStore.open(at: cli.database)
        let festival = "festival-hadaf-4"
        let announced = try #require(try store.readStream(festival).first { $0.type == FestivalWinnersAnnounced.eventType })
        let winner = try #require(try announced.decode(as: FestivalWinnersAnnounced.self)?.prizes.first?.recipients.first?.id)
        let faculty = try #require(try store.read(from: 1, limit: 10_000).compactMap { try? $0.decode(as: ParticipantRegistered.self) }.first { $0.kind == "faculty" })
        let forged = String(decoding: announced.payload, as: UTF8.self).replacingOccurrences(of: winner, with: faculty.participantId)
        let position = try await store.append(
            [NewEvent(type: FestivalWinnersAnnounced.eventType, payload: Data(forged.utf8), metadata: EventMetadata(actorId: "officer-1", actorRole: "ministry_officer"))],
            to: festival).lastPosition
        let lines = try cli.succeed(["scores", faculty.participantId, "--year", "1405", "--json"]).standardOutput
        #expect(lines.contains("regulation.amendment_adopted") && !lines.contains("festival.winner"), "\(lines)")
        #expect(try cli.succeed(["scores", winner, "--year", "1405", "--json"]).standardOutput.contains("festival.winner"))
        #expect(try cli.run(["audit"]).standardOutput.contains("FINDING festival.list_differs"), "the forged list at \(position)")
    }
}
