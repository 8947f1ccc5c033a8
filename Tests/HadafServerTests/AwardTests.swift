import Crypto
import EventStore
import Foundation
import GRDB
import HadafEvents
import HadafProjections
import HadafServer
import HadafTestSupport
import Participation
import Testing

@Suite("Awards issued on a real log, and the audit that re-derives them")
struct AwardTests {
    private static let codes = ["0499370899", "1234567891", "2720123455", "0051234564", "3861237891"]
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)
    private let secondOfficer = Actor(id: "officer-2", role: .ministryOfficer)

    /// A log under policy 1404: `busy` at Tehran has two accepted ideas (40 points: a
    /// certificate and an educational grant), `idle` at Tehran has none, `far` studies at
    /// Sharif with one accepted idea; Tehran's deputy officer is registered; Tehran has a
    /// budget line of 1,000,000,000 rials.
    private struct Log {
        let directory: TemporaryDirectory
        let store: EventStore
        let model: ReadModel
        let clock: ManualClock
        let busy, idle, far, deputy: String

        var awards: Awards {
            let runner = ProjectionRunner(store: store, model: model, projectors: StandardProjectors.all)
            return Awards(store: store, clock: clock, readSide: LogReadSide(store: store, model: model, catchingUp: runner))
        }

        func audit(_ scope: AuditScope = AuditScope()) throws -> AuditReport { try AwardAudit.run(scope, on: store) }
    }

    private func log() async throws -> Log {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        let clock = ManualClock(Date(timeIntervalSince1970: 1_763_000_000))
        _ = try await DemoUniversities.register(in: store, clock: clock)
        _ = try await DemoStaff.appoint(in: store, clock: clock)
        let policy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Projections/policies/1404.json")
        _ = try await IncentivePolicies(store: store, clock: clock).adopt(try Data(contentsOf: policy), by: officer)
        let registry = ParticipantRegistry(store: store, clock: clock)
        func register(_ kind: Actor.Role, _ number: Int, _ university: String) async throws -> String {
            let personal = try PersonalData(displayName: "شرکت‌کننده \(number)", nationalCode: Self.codes[number], email: "p\(number)@\(university).ac.ir")
            return try await registry.register(kind: kind, university: university, personal: personal, by: officer)
        }
        let busy = try await register(.student, 0, "ut")
        let idle = try await register(.student, 1, "ut")
        let far = try await register(.student, 2, "sharif")
        let deputy = try await register(.universityDeputyOfficer, 3, "ut")
        let screener = try await register(.ministryOfficer, 4, "ut")
        let submissions = Submissions(store: store, clock: clock)
        for (number, author) in [busy, busy, far].enumerated() {
            let content = SubmissionContent.idea(IdeaContent(
                title: "ایده شماره \(number) درباره موضوع \(number * 7)", summary: "خلاصه \(number)", problem: "مسئله \(number)", proposal: "پیشنهاد \(number)",
                expectedImpact: "اثر", category: .cultural))
            _ = try await submissions.draft("idea-\(number)", authors: [SubmissionAuthor(kind: .participant, id: author, share: 100)], content: content, by: author)
            _ = try await submissions.submit("idea-\(number)", by: author)
            _ = try await submissions.screen("idea-\(number)", decision: SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil), by: screener)
        }
        let model = try ReadModel(path: ReadModel.path(besideLog: store.path))
        let log = Log(directory: directory, store: store, model: model, clock: clock, busy: busy, idle: idle, far: far, deputy: deputy)
        _ = try await log.awards.allocate(university: "ut", year: 1404, lineId: "grants", title: "گرنت‌های دانشجویی", rials: 1_000_000_000, by: officer)
        return log
    }

    /// The code of the refusal the body meets; nil when it is not refused.
    private func refusal(_ body: () async throws -> Void) async -> String? {
        do { try await body() } catch let error as DomainError { return error.code } catch { return "\(error)" }
        return nil
    }

    @Test func officersIssueWhatTheLedgerAllowsAndTheAuditFindsNothing() async throws {
        let log = try await log()
        let deputy = Actor(id: log.deputy, role: .universityDeputyOfficer)
        let awards = log.awards
        let certificate = try await awards.issue(.init(recipient: log.busy, kind: .participationCertificate, academicYear: 1404), by: deputy)
        let awardId = try #require(certificate.awardId)
        #expect(awardId == "ut-1404-1")
        let held = try awards.award(awardId)
        #expect(held.counts)
        #expect(held.issued.policyVersion == "1404.1")
        #expect(held.issued.basis.points == 40)
        #expect(held.issued.basis.positions.count == 4)  // two submissions, two acceptances
        #expect(held.issued.verificationCode.count == 14)

        // Refusals, each changing nothing.
        let before = try log.store.head()
        #expect(await refusal { _ = try await awards.issue(.init(recipient: log.busy, kind: .participationCertificate, academicYear: 1404), by: deputy) } == "award.already_issued")
        #expect(await refusal { _ = try await awards.issue(.init(recipient: log.idle, kind: .participationCertificate, academicYear: 1404), by: deputy) } == "award.not_eligible")
        #expect(await refusal { _ = try await awards.issue(.init(recipient: log.busy, kind: .tourismGrant, academicYear: 1404, rials: 1, budgetLine: "grants"), by: deputy) } == "award.not_eligible")
        #expect(await refusal { _ = try await awards.issue(.init(recipient: log.far, kind: .participationCertificate, academicYear: 1404), by: deputy) } == "actor.forbidden")
        #expect(await refusal { _ = try await awards.issue(.init(recipient: log.busy, kind: .educationalGrant, academicYear: 1404), by: deputy) } == "award.amount_required")
        #expect(await refusal {
            _ = try await awards.issue(.init(recipient: log.busy, kind: .educationalGrant, academicYear: 1404, rials: 2_000_000_000, budgetLine: "grants"), by: deputy)
        } == "budget.exceeded")
        #expect(await refusal {
            _ = try await awards.issue(.init(recipient: log.busy, kind: .educationalGrant, academicYear: 1404, rials: 10, budgetLine: "travel"), by: deputy)
        } == "budget.line_unknown")
        #expect(await refusal { _ = try await awards.revoke(awardId, reason: "  ", by: deputy) } == "field.required")
        #expect(try log.store.head() == before)

        // A grant above the policy's 300,000,000-rial limit waits for a second officer.
        let grant = try #require(try await awards.issue(
            .init(recipient: log.busy, kind: .educationalGrant, academicYear: 1404, rials: 400_000_000, budgetLine: "grants"), by: deputy).awardId)
        #expect(try awards.award(grant).counts == false)
        #expect(await refusal { _ = try await awards.approve(grant, by: deputy) } == "award.second_officer_required")
        _ = try await awards.approve(grant, by: secondOfficer)
        #expect(try awards.award(grant).counts)
        // The line holds it: 600,000,000 left.
        #expect(await refusal {
            _ = try await awards.issue(.init(recipient: log.far, kind: .participationCertificate, academicYear: 1404, rials: 1, budgetLine: "grants"), by: officer)
        } == "award.amount_not_allowed")

        // Revoked, a certificate may be issued again.
        _ = try await awards.revoke(awardId, reason: "صادرشده با نام نادرست", by: deputy)
        let again = try await awards.issue(.init(recipient: log.busy, kind: .participationCertificate, academicYear: 1404), by: deputy)
        #expect(again.awardId == "ut-1404-3")

        let report = try log.audit()
        #expect(report.findings == [])
        #expect(report.awardsChecked == 3)
        #expect(report.revoked == 1)
        #expect(report.budgetLinesChecked == 1)
        #expect(try log.audit(AuditScope(university: "sharif")).awardsChecked == 0)
    }

    /// Appends an award event as a forger with write access to the API would, past the office's rules.
    private func forge(_ event: some DomainEvent, in log: Log, university: String = "ut") async throws {
        _ = try await log.store.append([NewEvent(event, metadata: EventMetadata(actorId: "forger"))], to: AwardEvent.stream(university: university, year: 1404))
    }

    private func forged(_ id: String, _ recipient: String, _ kind: AwardKind, basis: AwardBasis, rials: Int64? = nil, awaits: Bool = false, policy: String = "1404.1") -> AwardIssued {
        AwardIssued(
            awardId: id, recipient: recipient, university: "ut", kind: kind, academicYear: 1404, policyVersion: policy, basis: basis,
            rials: rials, budgetLine: rials == nil ? nil : "grants", promotionPoints: nil, verificationCode: "AAAA-BBBB-CCCC", issuedBy: "forger",
            awaitsSecondApproval: awaits)
    }

    @Test func everyKindOfFindingInACraftedLogIsCaught() async throws {
        let log = try await log()
        let real = try #require(try await log.awards.issue(.init(recipient: log.busy, kind: .participationCertificate, academicYear: 1404), by: officer).awardId)
        let basis = try log.awards.award(real).issued.basis
        try await forge(forged("ut-1404-90", log.busy, .participationCertificate, basis: basis), in: log)
        try await forge(forged("ut-1404-91", log.idle, .workshopPlace, basis: AwardBasis(readAt: basis.readAt, positions: [], points: 30)), in: log)
        try await forge(forged("ut-1404-92", log.busy, .workshopPlace, basis: AwardBasis(readAt: 999_999, positions: [], points: 40)), in: log)
        try await forge(forged("ut-1404-93", log.busy, .educationalGrant, basis: basis, rials: 400_000_000), in: log)
        try await forge(forged("ut-1404-94", log.busy, .educationalGrant, basis: basis, rials: 700_000_000, awaits: true), in: log)
        try await forge(AwardApproved(awardId: "ut-1404-94", approvedBy: "forger"), in: log)
        try await forge(forged("ut-1404-95", log.busy, .workshopPlace, basis: AwardBasis(readAt: basis.readAt, positions: [basis.positions[0]], points: 40)), in: log)
        try await forge(forged("ut-1404-96", log.busy, .advisoryCouncilSeat, basis: basis, policy: "1404.9"), in: log)

        let report = try log.audit()
        let found = Set(report.findings.map { "\($0.rule.rawValue) \($0.awardId ?? "")" })
        // The forger is no officer the log knows: every forged act is also unauthorised.
        #expect(found == Set((90...96).map { "act.unauthorised ut-1404-\($0)" }).union([
            "award.double ut-1404-90",
            "award.not_eligible ut-1404-91",
            "award.without_basis ut-1404-92",
            "approval.missing ut-1404-93",
            "budget.overspent ut-1404-94",
            "award.double ut-1404-94",  // a second educational grant, after 93
            "approval.same_officer ut-1404-94",
            "award.basis_differs ut-1404-95",
            "award.double ut-1404-95",  // a second workshop place, after 92
            "award.policy_differs ut-1404-96",
            "award.not_eligible ut-1404-96",
        ]))
        #expect(report.findings.first { $0.rule == .doubleAward }?.positions.count == 2)

        // A changed event breaks the chain, which the audit reports first.
        let raw = try DatabaseQueue(path: log.store.path)
        try await raw.write { db in
            try db.execute(sql: "DROP TRIGGER events_refuse_update")
            try db.execute(sql: "UPDATE events SET payload = replace(payload, '400000000', '40000000') WHERE type = 'award.issued' AND payload LIKE '%ut-1404-93%'")
        }
        let tampered = try log.audit()
        #expect(tampered.findings.first?.rule == .chainBroken)
    }

    @Test func aGrantRaisedThroughRawSQLWithTheChainRecomputedIsCaughtByACheckpoint() async throws {
        let log = try await log()
        let grant = try #require(try await log.awards.issue(
            .init(recipient: log.busy, kind: .educationalGrant, academicYear: 1404, rials: 300_000_000, budgetLine: "grants"), by: officer).awardId)
        let key = SigningKey()
        let checkpoint = try await log.store.checkpoint(signingWith: key)
        #expect(try log.store.verify(against: checkpoint, trusting: [key.publicKey]).verdict == .holds)

        let position = try #require(try await DatabaseQueue(path: log.store.path).read { db in
            try Int64.fetchOne(db, sql: "SELECT position FROM events WHERE type = 'award.issued' AND payload LIKE ?", arguments: ["%\(grant)%"])
        })
        try LogRewriter.rewrite(logAt: log.store.path, from: position) { db in
            try db.execute(sql: "UPDATE events SET payload = replace(payload, '300000000', '3000000000') WHERE position = ?", arguments: [position])
        }
        // Every hash was recomputed, but the checkpoint recorded in the log still names the old
        // head: the walk of the chain holds the log to it.
        let failure = try #require(try log.store.verify(trustedKeys: [key.publicKey]).failure)
        #expect(failure.reason == .checkpointContradicted && failure.position == checkpoint.position && failure.checkpointRecordedAt == checkpoint.position + 1)
        // The checkpoint kept outside tells the same.
        #expect(try log.store.verify(against: checkpoint, trusting: [key.publicKey]).verdict == .rewritten)
        // And the audit finds the rewrite and what it made: an overspent line, and an amount
        // above the one-officer limit that no second officer approved.
        #expect(Set(try log.audit().findings.map(\.rule)) == [.checkpointContradicted, .budgetOverspent, .approvalMissing])
        // A checkpoint signed by another key is not trusted.
        #expect(try log.store.verify(against: checkpoint, trusting: [SigningKey().publicKey]).verdict == .untrustedKey)
    }

    @Test func aCertificateIsSignedAndChecksValidThenRevokedAndAnAlteredOneForged() async throws {
        let log = try await log()
        let key = SigningKey()
        let awardId = try #require(try await log.awards.issue(.init(recipient: log.busy, kind: .participationCertificate, academicYear: 1404), by: officer).awardId)
        let certificate = try Certificate.make(for: awardId, store: log.store, key: key)
        #expect(certificate.recipientName == "شرکت‌کننده 0")
        #expect(certificate.universityName == "دانشگاه تهران")
        let code = certificate.record.issued.verificationCode
        #expect(certificate.credential["id"]?.stringValue == "urn:hadaf:certificate:\(code)")

        func verdict(_ file: Data, trusting publicKey: String? = nil) throws -> CertificateVerification.Verdict {
            try CertificateVerification.check(file: file, trusting: publicKey ?? key.publicKey, in: log.store).verdict
        }
        #expect(try verdict(certificate.json) == .valid)
        let page = try certificate.page(verificationBase: "https://hadaf.example/")
        #expect(page.contains("https://hadaf.example/certificates/verify?code=\(code)"))
        #expect(page.contains("<svg") && page.contains("lang=\"fa\" dir=\"rtl\""))
        #expect(try verdict(Data(page.utf8)) == .valid)
        #expect(try CertificateVerification.check(code: code.lowercased().replacingOccurrences(of: "-", with: ""), in: log.store).verdict == .valid)

        let altered = certificate.credential.canonicalText.replacingOccurrences(of: "participation_certificate", with: "tourism_grant")
        #expect(try verdict(Data(altered.utf8)) == .forged)
        #expect(try verdict(certificate.json, trusting: SigningKey().publicKey) == .forged)
        #expect(try CertificateVerification.check(code: "ZZZZ-ZZZZ-ZZZZ", in: log.store).verdict == .forged)

        _ = try await log.awards.revoke(awardId, reason: "تکراری", by: officer)
        let revoked = try CertificateVerification.check(file: certificate.json, trusting: key.publicKey, in: log.store)
        #expect(revoked.verdict == .revoked && revoked.revocationReason == "تکراری")
        #expect(await refusal { _ = try Certificate.make(for: awardId, store: log.store, key: key) } == "award.not_in_force")
    }
}
