import EventStore
import Foundation
import HadafEvents
import HadafTestSupport
import Participation
import Testing

@Suite("A review round on a real log")
struct RegulationReviewsTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    @Test func professorsProposeAndEndorseAndTheOfficerRepublishes() async throws {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        let clock = ManualClock(Date(timeIntervalSince1970: 1_763_000_000))
        _ = try await DemoUniversities.register(in: store, clock: clock)
        let registry = ParticipantRegistry(store: store, clock: clock)
        let first = try await registry.register(kind: .faculty, university: "ut", personal: PersonalData(displayName: "دکتر رضایی", nationalCode: "0499370899", email: "rezaei@ut.ac.ir"), by: officer)
        let second = try await registry.register(kind: .faculty, university: "sharif", personal: PersonalData(displayName: "دکتر کریمی", nationalCode: "1234567891", email: "karimi@sharif.edu"), by: officer)

        let regulations = CommandHandler<Regulation>(store: store, clock: clock)
        let stream = Regulation.stream("kanoon")
        _ = try await regulations.handle(.publish(regulationId: "kanoon", kind: .procedure, title: "شیوه‌نامه کانون‌ها", articles: [RegulationArticle(number: 1, text: "مجوز یک‌ساله است.")]), on: stream, by: officer)
        _ = try await regulations.handle(.openRound(deadline: clock.now().addingTimeInterval(86400), audience: Audience(kinds: ["faculty"])), on: stream, by: officer)

        let reviews = RegulationReviews(store: store, clock: clock)
        _ = try await reviews.contribute("kanoon", contributionId: "pr-1", kind: .amendment, article: 1, text: "مجوز دوساله است.", rationale: "کاهش کاغذبازی", by: first)
        _ = try await reviews.endorse("kanoon", proposalId: "pr-1", by: second)
        await #expect(throws: DomainError.cannotEndorseOwnProposal) { try await reviews.endorse("kanoon", proposalId: "pr-1", by: first) }

        clock.advance(by: 2 * 86400)
        _ = try await regulations.handle(.answer(proposalId: "pr-1", verdict: .adopted, reason: "پذیرفته شد"), on: stream, by: officer)
        _ = try await regulations.handle(.finalise(nextArticles: [RegulationArticle(number: 1, text: "مجوز دوساله است.")]), on: stream, by: officer)

        let (state, _) = try regulations.load(stream)
        #expect(state.current?.version == 2 && state.current?.carriedProposals == ["pr-1"])
        #expect(state.contributions["pr-1"]?.endorsers == [second])
        #expect(try store.verify().isIntact)
    }
}
