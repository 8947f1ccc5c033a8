import EventStore
import Foundation
import GRDB
import HadafEvents
import HadafProjections
import Testing

@Suite("The participation ledger")
struct LedgerTests {
    private let year1404 = Date(timeIntervalSince1970: 1_759_300_000) // 2025-10-01, in 1404-1405
    private let year1405 = Date(timeIntervalSince1970: 1_790_836_000) // 2026-10-01, in 1405-1406

    private func policySource(_ year: Int, surveyPoints: Double = 2) -> String {
        let policies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Projections/policies/\(year).json")
        let text = try! String(contentsOf: policies, encoding: .utf8)
        guard surveyPoints != 2 else { return text }
        return text
            .replacingOccurrences(of: "\"survey.answered\": {\n      \"student\": 2.0", with: "\"survey.answered\": {\n      \"student\": \(surveyPoints)")
            .replacingOccurrences(of: "\"version\": \"\(year).1\"", with: "\"version\": \"\(year).2\"")
    }

    private func adopt(_ log: ProjectionLog, _ year: Int, surveyPoints: Double = 2) async throws {
        let source = policySource(year, surveyPoints: surveyPoints)
        try await log.append(PolicyAdopted(academicYear: year, version: surveyPoints == 2 ? "\(year).1" : "\(year).2", source: source, contentHash: "h\(year)-\(surveyPoints)"), to: "policy-\(year)", at: year1404)
    }

    private func register(_ log: ProjectionLog, _ id: String, _ kind: String) async throws {
        try await log.append(ParticipantRegistered(participantId: id, kind: kind, university: "ut", studentGroup: nil, personal: "sealed", sealing: "aes-256-gcm/v1"), to: "participant-\(id)", at: year1404)
    }

    private func answer(_ log: ProjectionLog, survey: String, by id: String, at date: Date) async throws {
        try await log.append(SurveyAnswered(respondent: id, respondentKind: "student", university: "ut", answers: ["q1": .number(3)], isRevision: false), to: "survey-\(survey)", at: date)
    }

    private func lines(_ log: ProjectionLog, _ participant: String) throws -> [(year: Int, rule: String, points: Double)] {
        _ = try log.runner([LedgerProjector()]).catchUp()
        return try log.rows("SELECT academic_year, rule_id, points FROM ledger_lines WHERE participant_id = '\(participant)' AND retracted = 0 AND (points > 0 OR capped = 1) ORDER BY position, fact_key")
            .map { ($0[0], $0[1], $0[2]) }
    }

    /// A later answer that replaces an adoption decides the line: the line names that answer's
    /// position, as its evidence and in the order a cap is given out in. Before, it kept the
    /// first answer's position, and 2,490 lines of a generated year named a superseded answer.
    @Test func aLaterAnswerDecidesTheLineAndItsPosition() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "faculty")
        try await adopt(log, 1404)
        try await log.append(
            ArticleContributed(contributionId: "c-1", kind: .amendment, round: 1, article: 1, author: "p-1", text: "متن", rationale: "چرا", isRevision: false),
            to: "regulation-r", at: year1404)
        try await log.append(ProposalAnswered(proposalId: "c-1", verdict: .adopted, reason: "پذیرفته"), to: "regulation-r", at: year1404)
        try await log.append(ProposalAnswered(proposalId: "c-1", verdict: .partlyAdopted, reason: "بخشی"), to: "regulation-r", at: year1404)
        _ = try log.runner([LedgerProjector()]).catchUp()
        let answers = try log.store.readStream("regulation-r").filter { $0.type == ProposalAnswered.eventType }.map(\.position)
        let adoption = try log.rows("SELECT rule_id, position FROM ledger_lines WHERE participant_id = 'p-1' AND rule_id LIKE 'regulation.amendment_%adopted'")
        #expect(adoption.map { $0[0] as String } == ["regulation.amendment_partly_adopted"])
        #expect(adoption.map { $0[1] as Int64 } == [answers[1]], "the line names the answer that decided it")
    }

    @Test func aPolicyChangeAffectsOnlyItsOwnYear() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await adopt(log, 1404)
        try await adopt(log, 1405)
        try await answer(log, survey: "a", by: "p-1", at: year1404)
        try await answer(log, survey: "b", by: "p-1", at: year1405)
        #expect(try lines(log, "p-1").map(\.points) == [2, 2])

        try await adopt(log, 1405, surveyPoints: 3)
        let after = try lines(log, "p-1")
        #expect(after.first { $0.year == 1404 }?.points == 2)
        #expect(after.first { $0.year == 1405 }?.points == 3)
        let versions = try log.rows("SELECT academic_year, policy_version FROM ledger_lines ORDER BY academic_year").map { $0[1] as String }
        #expect(versions == ["1404.1", "1405.2"])
    }

    /// Lines hold no version of their own but their year's: a policy adopted again under a new
    /// version, scoring the same, still names the new version on every line written before it.
    @Test func aPolicyAdoptedAgainUnderANewVersionIsNamedOnEveryLine() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await adopt(log, 1404)
        try await answer(log, survey: "a", by: "p-1", at: year1404)
        try await answer(log, survey: "b", by: "p-1", at: year1404)
        #expect(try lines(log, "p-1").map(\.points) == [2, 2])
        let renamed = policySource(1404).replacingOccurrences(of: "\"version\": \"1404.1\"", with: "\"version\": \"1404.1-bis\"")
        try await log.append(PolicyAdopted(academicYear: 1404, version: "1404.1-bis", source: renamed, contentHash: "h1404-bis"), to: "policy-1404", at: year1404)
        try await answer(log, survey: "c", by: "p-1", at: year1404)
        #expect(try lines(log, "p-1").map(\.points) == [2, 2, 2])
        let versions = try log.rows("SELECT policy_version FROM ledger_lines ORDER BY position").map { $0[0] as String }
        #expect(versions == ["1404.1-bis", "1404.1-bis", "1404.1-bis"])
    }

    @Test func coAuthorsSplitByShareAndCapsHold() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await register(log, "p-2", "faculty")
        try await adopt(log, 1404)
        let idea = SubmissionContent.idea(IdeaContent(title: "t", summary: "s", problem: "p", proposal: "p", expectedImpact: "i", category: .cultural))
        try await log.append(SubmissionDrafted(submissionId: "i1", submitter: "p-1", university: "ut", authors: [.init(kind: .participant, id: "p-1", share: 60), .init(kind: .participant, id: "p-2", share: 40)], content: idea), to: "submission-i1", at: year1404)
        try await log.append(SubmissionSubmitted(possibleDuplicates: []), to: "submission-i1", at: year1404)
        try await log.append(SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil), to: "submission-i1", at: year1404)
        #expect(try lines(log, "p-1").map(\.points) == [3, 9])
        #expect(try lines(log, "p-2").map(\.points) == [2, 6])

        // Endorsements received are capped at 10 points a year: the two beyond it are lines of no
        // points, marked capped, so that the cap explains itself.
        try await log.append(ArticleContributed(contributionId: "pr", kind: .amendment, round: 1, article: 1, author: "p-1", text: "x", rationale: "y", isRevision: false), to: "regulation-r", at: year1404)
        for endorser in 0..<12 {
            try await log.append(ProposalEndorsed(proposalId: "pr", endorser: "e-\(endorser)"), to: "regulation-r", at: year1404)
        }
        let endorsements = try lines(log, "p-1").filter { $0.rule == "endorsement.received" }
        #expect(endorsements.map(\.points).reduce(0, +) == 10 && endorsements.filter { $0.points > 0 }.count == 10 && endorsements.count == 12)
    }

    @Test func aWithdrawalRetractsItsPointsAndATotalIsTheSumOfItsLines() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "faculty")
        try await adopt(log, 1404)
        for id in ["c1", "c2"] {
            try await log.append(ArticleContributed(contributionId: id, kind: .comment, round: 1, article: 1, author: "p-1", text: "x", rationale: nil, isRevision: false), to: "regulation-r", at: year1404)
        }
        #expect(try lines(log, "p-1").map(\.points) == [4, 4])
        try await log.append(ContributionWithdrawn(contributionId: "c1"), to: "regulation-r", at: year1404)
        let remaining = try lines(log, "p-1")
        #expect(remaining.map(\.points) == [4])
        let total = try log.rows("SELECT SUM(points) FROM ledger_lines WHERE participant_id = 'p-1'").first?[0] as Double?
        #expect(total == remaining.map(\.points).reduce(0, +))
    }

    @Test func anErasedParticipantsPointsStayInTheTotals() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await adopt(log, 1404)
        try await answer(log, survey: "a", by: "p-1", at: year1404)
        try await log.append(ParticipantErased(requestedBy: "participant"), to: "participant-p-1", at: year1404)
        #expect(try lines(log, "p-1").map(\.points) == [2])
        #expect(try log.rows("SELECT erased FROM ledger_participants WHERE participant_id = 'p-1'").first?[0] as Int? == 1)
    }

    @Test func theLedgerRebuildsToTheSameHash() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await answer(log, survey: "a", by: "p-1", at: year1404) // before any policy: scored once one is adopted
        try await adopt(log, 1404)
        let runner = log.runner([LedgerProjector()])
        try runner.catchUp()
        let built = try runner.status()
        #expect(try lines(log, "p-1").map(\.points) == [2])
        try runner.rebuild()
        #expect(try runner.status().map(\.contentHash) == built.map(\.contentHash) && built.first?.contentHash != nil)
    }
}

extension LedgerTests {
    @Test func eligibilityFollowsTheTotalsForEachKindAndUniversity() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await register(log, "p-2", "faculty")
        try await adopt(log, 1404)
        for survey in 0..<6 { try await answer(log, survey: "s\(survey)", by: "p-1", at: year1404) }
        _ = try log.runner([LedgerProjector()]).catchUp()
        let reached = try log.rows("""
            SELECT e.participant_id, e.incentive, t.points FROM eligibility e
            LEFT JOIN ledger_totals t ON t.participant_id = e.participant_id AND t.academic_year = e.academic_year ORDER BY e.participant_id, e.incentive
            """)
        // 12 points: a participation certificate (10), not yet a workshop place (25).
        #expect(reached.filter { $0[0] as String == "p-1" }.map { $0[1] as String } == ["participation_certificate"])
        #expect(reached.filter { $0[0] as String == "p-2" }.isEmpty)
        #expect(reached.first?[2] as Double? == 12)
        // The university's total is its participants' sum; 12 is far from the deputy's 500.
        #expect(!reached.contains { $0[0] as String == "university:ut" })

        // Three comments (12 points) reach a certificate; a withdrawal that drops the total to 8
        // takes it away.
        for id in ["c1", "c2", "c3"] {
            try await log.append(ArticleContributed(contributionId: id, kind: .comment, round: 1, article: 1, author: "p-2", text: "x", rationale: nil, isRevision: false), to: "regulation-r", at: year1404)
        }
        _ = try log.runner([LedgerProjector()]).catchUp()
        #expect(try log.rows("SELECT incentive FROM eligibility WHERE participant_id = 'p-2'").map { $0[0] as String } == ["participation_certificate"])
        try await log.append(ContributionWithdrawn(contributionId: "c2"), to: "regulation-r", at: year1404)
        _ = try log.runner([LedgerProjector()]).catchUp()
        #expect(try log.rows("SELECT incentive FROM eligibility WHERE participant_id = 'p-2'").isEmpty)

        // The university's total, kept by increments, is the sum of its participants' lines.
        let kept = try log.rows("SELECT points FROM ledger_university_totals WHERE university = 'ut' AND academic_year = 1404").first?[0] as Double?
        let summed = try log.rows("SELECT SUM(points) FROM ledger_lines").first?[0] as Double?
        #expect(kept == summed && kept == 20)
    }
}

extension LedgerTests {
    @Test func aUniversitysSummaryCountsKindsLevelsPointsAndIncentives() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await register(log, "p-2", "faculty")
        try await adopt(log, 1404)
        for survey in 0..<6 { try await answer(log, survey: "s\(survey)", by: "p-1", at: year1404) }
        try await log.append(ArticleContributed(contributionId: "c", kind: .comment, round: 1, article: 1, author: "p-2", text: "x", rationale: nil, isRevision: false), to: "regulation-r", at: year1404)
        _ = try log.runner([LedgerProjector()]).catchUp()
        let summary = try UniversitySummary.read(university: "ut", year: 1404, in: log.model)
        #expect(summary.participantsByKind == ["student": 1, "faculty": 1])
        #expect(summary.participantsByLevel == ["1": 1, "2": 1, "3": 0])
        #expect(summary.points == 16)
        #expect(summary.eligibleCounts == ["participation_certificate": 1])
    }
}

extension LedgerTests {
    /// A fold that forgets its accounts after every page reads them back from the tables: the
    /// ledger it builds must be the one a fold holding everything builds.
    @Test func aFoldThatForgetsAfterEveryPageBuildsTheSameLedger() async throws {
        let log = try ProjectionLog()
        try await register(log, "p-1", "student")
        try await register(log, "p-2", "faculty")
        try await adopt(log, 1404)
        for survey in 0..<6 { try await answer(log, survey: "s\(survey)", by: "p-1", at: year1404) }
        try await log.actsThatMoveStandings(at: year1404)
        try await adopt(log, 1404, surveyPoints: 3)
        try await answer(log, survey: "late", by: "p-1", at: year1405)

        let forgetting = log.runner([LedgerProjector(maximumHeldLines: 0)], pageSize: 2)
        try forgetting.catchUp()
        let built = try forgetting.status()
        #expect(try log.rows("SELECT COUNT(*) FROM eligibility").first?[0] as Int? ?? 0 > 0)
        #expect(try log.rows("SELECT COUNT(DISTINCT university) FROM ledger_university_totals").first?[0] as Int? == 2)

        let holding = log.runner([LedgerProjector()], pageSize: 1000)
        try holding.rebuild()
        #expect(try holding.status().map(\.contentHash) == built.map(\.contentHash) && built.first?.contentHash != nil)
    }
}
