import EventStore
import Foundation
import HadafEvents
import Participation
import Testing

@Suite("A review round on a real log")
struct RegulationReviewsTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    @Test func professorsProposeAndEndorseAndTheOfficerRepublishes() async throws {
        let demo = try await DemoLog.make()
        let first = try await demo.register(.faculty, number: 0)
        let second = try await demo.register(.faculty, number: 1, university: "sharif")

        let regulations = CommandHandler<Regulation>(store: demo.store, clock: demo.clock)
        let stream = Regulation.stream("kanoon")
        _ = try await regulations.handle(.publish(regulationId: "kanoon", kind: .procedure, title: "شیوه‌نامه کانون‌ها", articles: [RegulationArticle(number: 1, text: "مجوز یک‌ساله است.")]), on: stream, by: officer)
        _ = try await regulations.handle(.openRound(deadline: demo.clock.now().addingTimeInterval(86400), audience: Audience(kinds: ["faculty"])), on: stream, by: officer)

        let reviews = RegulationReviews(store: demo.store, clock: demo.clock)
        _ = try await reviews.contribute("kanoon", contributionId: "pr-1", kind: .amendment, article: 1, text: "مجوز دوساله است.", rationale: "کاهش کاغذبازی", by: first)
        _ = try await reviews.endorse("kanoon", proposalId: "pr-1", by: second)
        await #expect(throws: DomainError.cannotEndorseOwnProposal) { try await reviews.endorse("kanoon", proposalId: "pr-1", by: first) }

        demo.clock.advance(by: 2 * 86400)
        _ = try await regulations.handle(.answer(proposalId: "pr-1", verdict: .adopted, reason: "پذیرفته شد"), on: stream, by: officer)
        _ = try await regulations.handle(.finalise(nextArticles: [RegulationArticle(number: 1, text: "مجوز دوساله است.")]), on: stream, by: officer)

        let (state, _) = try regulations.load(stream)
        #expect(state.current?.version == 2 && state.current?.carriedProposals == ["pr-1"])
        #expect(state.contributions["pr-1"]?.endorsers == [second])
        #expect(try demo.store.verify().isIntact)
    }
}
