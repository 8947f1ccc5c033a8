import GRDB
import HadafEvents
@testable import HadafProjections
import Testing

@Suite("Regulation review digest")
struct RegulationDigestTests {
    /// A review's every kind of step, folded one event a page with no row held (each step reads
    /// its contribution back from the table), then rebuilt in one page with every row held: the
    /// digest reads the same and the two models hash the same.
    @Test func aReviewReadsTheSameFoldedEventByEventOrHeldWhole() async throws {
        let log = try ProjectionLog()
        let stream = "regulation-r"
        try await log.append(RegulationPublished(
            regulationId: "r", kind: .regulation, title: "آیین‌نامه", version: 1,
            articles: [RegulationArticle(number: 1, text: "ماده ۱"), RegulationArticle(number: 2, text: "ماده ۲", notes: ["تبصره"])],
            carriedProposals: []), to: stream)
        func contributed(_ id: String, _ kind: ArticleContributed.Kind, article: Int, by author: String, _ text: String, revision: Bool = false) -> ArticleContributed {
            ArticleContributed(contributionId: id, kind: kind, round: 1, article: article, author: author, text: text, rationale: kind == .amendment ? "چرا" : nil, isRevision: revision)
        }
        try await log.append(contributed("c-1", .amendment, article: 1, by: "p-1", "پیشنهاد"), to: stream)
        try await log.append(contributed("c-2", .comment, article: 2, by: "p-2", "نظر"), to: stream)
        try await log.append(contributed("c-1", .amendment, article: 1, by: "p-1", "پیشنهاد بازنگری‌شده", revision: true), to: stream)
        try await log.append(ProposalEndorsed(proposalId: "c-1", endorser: "p-3"), to: stream)
        try await log.append(ProposalEndorsed(proposalId: "c-1", endorser: "p-4"), to: stream)
        try await log.append(ContributionWithdrawn(contributionId: "c-2"), to: stream)
        // Steps on a contribution the digest never had change nothing.
        try await log.append(ProposalEndorsed(proposalId: "c-9", endorser: "p-3"), to: stream)
        try await log.append(ProposalAnswered(proposalId: "c-1", verdict: .adopted, reason: "پذیرفته شد"), to: stream)
        try await log.append(RegulationPublished(
            regulationId: "r", kind: .regulation, title: "آیین‌نامه", version: 2,
            articles: [RegulationArticle(number: 1, text: "ماده ۱ اصلاح‌شده")], carriedProposals: ["c-1", "c-9"]), to: stream)

        let runner = log.runner([RegulationDigestProjector(maximumHeldRows: 0)], pageSize: 1)
        try runner.catchUp()
        let digest = try #require(try RegulationDigest.read("r", in: log.model))
        #expect(digest.version == 2 && digest.articles.map(\.number) == [1])
        let proposal = try #require(digest.articles.first?.contributions.first)
        #expect(proposal.id == "c-1" && proposal.text == "پیشنهاد بازنگری‌شده" && proposal.rationale == "چرا")
        #expect(proposal.endorsements == 2 && proposal.verdict == "adopted" && proposal.reason == "پذیرفته شد" && proposal.carriedIn == 2 && !proposal.withdrawn)
        #expect(try log.rows("SELECT withdrawn FROM digest_contributions WHERE contribution_id = 'c-2'").first?[0] as Int? == 1)
        #expect(try log.rows("SELECT COUNT(*) FROM digest_contributions").first?[0] as Int? == 2)

        let caughtUp = try runner.status()
        let rebuilding = log.runner([RegulationDigestProjector()], pageSize: 1000)
        try rebuilding.rebuild()
        #expect(try rebuilding.status().map(\.contentHash) == caughtUp.map(\.contentHash) && caughtUp.first?.contentHash != nil)
        #expect(try RegulationDigest.read("r", in: log.model) == digest)
    }
}
