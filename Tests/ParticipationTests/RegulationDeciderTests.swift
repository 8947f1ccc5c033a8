import Foundation
import HadafEvents
import Participation
import Testing

@Suite("The regulation review decider")
struct RegulationDeciderTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)
    private let professor = ParticipantDirectory.Member(actor: Actor(id: "f-1", role: .faculty), university: "ut")
    private let colleague = ParticipantDirectory.Member(actor: Actor(id: "f-2", role: .faculty), university: "sharif")
    private let student = ParticipantDirectory.Member(actor: Actor(id: "p-1", role: .student), university: "ut")
    private let start = Date(timeIntervalSince1970: 1_763_000_000)
    private var deadline: Date { start.addingTimeInterval(14 * 86400) }
    private var after: Date { deadline.addingTimeInterval(60) }

    private let articles = [
        RegulationArticle(number: 1, text: "کانون‌های فرهنگی با مجوز معاونت تشکیل می‌شوند.", notes: ["مجوز یک‌ساله است."]),
        RegulationArticle(number: 2, text: "هر کانون یک دبیر دارد."),
    ]

    private var published: RegulationEvent {
        .published(RegulationPublished(regulationId: "kanoon", kind: .regulation, title: "آیین‌نامه کانون‌ها", version: 1, articles: articles, carriedProposals: []))
    }

    private var underReview: [RegulationEvent] {
        [published, .roundOpened(ReviewRoundOpened(round: 1, deadline: deadline, audience: Audience(kinds: ["faculty"])))]
    }

    private func proposal(_ id: String = "pr-1", by member: ParticipantDirectory.Member? = nil) -> RegulationEvent {
        .contributed(ArticleContributed(
            contributionId: id, kind: .amendment, round: 1, article: 1, author: (member ?? professor).actor.id,
            text: "مجوز دوساله است.", rationale: "تمدید سالانه وقت‌گیر است.", isRevision: false))
    }

    private func given(_ events: [RegulationEvent], when command: Regulation.Command, by actor: Actor? = nil, at now: Date? = nil) throws(DomainError) -> [RegulationEvent] {
        try Regulation.decide(command, state: Regulation.fold(events), context: DecisionContext(actor: actor ?? officer, now: now ?? start))
    }

    private func propose(_ id: String = "pr-1", article: Int = 1, by member: ParticipantDirectory.Member? = nil) -> Regulation.Command {
        .contribute(contributionId: id, kind: .amendment, article: article, text: "مجوز دوساله است.", rationale: "تمدید سالانه وقت‌گیر است.", member: member ?? professor)
    }

    @Test func anOfficerPublishesNumberedArticlesAndOpensARound() throws {
        #expect(try given([], when: .publish(regulationId: "kanoon", kind: .regulation, title: "آیین‌نامه کانون‌ها", articles: articles)) == [published])
        #expect(throws: DomainError.articlesMisnumbered) {
            try given([], when: .publish(regulationId: "kanoon", kind: .regulation, title: "آیین‌نامه", articles: [RegulationArticle(number: 2, text: "متن")]))
        }
        #expect(try given([published], when: .openRound(deadline: deadline, audience: Audience(kinds: ["faculty"]))).count == 1)
        #expect(throws: DomainError.reviewAlreadyOpen) { try given(underReview, when: .openRound(deadline: deadline, audience: Audience())) }
        #expect(throws: DomainError.forbidden(role: .faculty, action: "publish a regulation")) {
            try given([], when: .publish(regulationId: "kanoon", kind: .regulation, title: "t", articles: articles), by: professor.actor)
        }
    }

    @Test func theAudienceCommentsProposesAndRevisesTheirOwnUntilTheDeadline() throws {
        #expect(try given(underReview, when: propose(), by: professor.actor) == [proposal()])
        let comment = Regulation.Command.contribute(contributionId: "c-1", kind: .comment, article: 2, text: "دبیر را چه کسی برمی‌گزیند؟", rationale: nil, member: professor)
        #expect(try given(underReview, when: comment, by: professor.actor).count == 1)
        #expect(throws: DomainError.reviewNotInAudience) { try given(underReview, when: propose(by: student), by: student.actor) }
        #expect(throws: DomainError.articleNotFound(9)) { try given(underReview, when: propose(article: 9), by: professor.actor) }
        #expect(throws: DomainError.reviewDeadlinePassed(deadline)) { try given(underReview, when: propose(), by: professor.actor, at: after) }
        #expect(throws: DomainError.required(field: "rationale")) {
            try given(underReview, when: .contribute(contributionId: "pr-2", kind: .amendment, article: 1, text: "متن", rationale: nil, member: professor), by: professor.actor)
        }

        let revision = Regulation.Command.contribute(contributionId: "pr-1", kind: .amendment, article: 1, text: "مجوز سه‌ساله است.", rationale: "ثبات بیشتر", member: professor)
        guard case let .contributed(revised)? = try given(underReview + [proposal()], when: revision, by: professor.actor).first else {
            Issue.record("no revision"); return
        }
        #expect(revised.isRevision && revised.text == "مجوز سه‌ساله است.")
        #expect(throws: DomainError.forbidden(role: .faculty, action: "change another participant's contribution")) {
            try given(underReview + [proposal()], when: .contribute(contributionId: "pr-1", kind: .amendment, article: 1, text: "x", rationale: "y", member: colleague), by: colleague.actor)
        }
    }

    @Test func withdrawingAndEndorsing() throws {
        let withdrawn = underReview + [proposal(), .withdrawn(ContributionWithdrawn(contributionId: "pr-1"))]
        #expect(try given(underReview + [proposal()], when: .withdraw(contributionId: "pr-1"), by: professor.actor) == [.withdrawn(ContributionWithdrawn(contributionId: "pr-1"))])
        #expect(throws: DomainError.forbidden(role: .faculty, action: "withdraw another participant's contribution")) {
            try given(underReview + [proposal()], when: .withdraw(contributionId: "pr-1"), by: colleague.actor)
        }
        #expect(throws: DomainError.contributionWithdrawn) { try given(withdrawn, when: .endorse(proposalId: "pr-1", member: colleague), by: colleague.actor) }

        let endorsed = ProposalEndorsed(proposalId: "pr-1", endorser: "f-2")
        #expect(try given(underReview + [proposal()], when: .endorse(proposalId: "pr-1", member: colleague), by: colleague.actor) == [.endorsed(endorsed)])
        #expect(try given(underReview + [proposal(), .endorsed(endorsed)], when: .endorse(proposalId: "pr-1", member: colleague), by: colleague.actor).isEmpty)
        #expect(throws: DomainError.cannotEndorseOwnProposal) { try given(underReview + [proposal()], when: .endorse(proposalId: "pr-1", member: professor), by: professor.actor) }
    }

    @Test func proposalsAreAnsweredAfterTheDeadlineWithAReason() throws {
        let ready = underReview + [proposal()]
        #expect(throws: DomainError.reviewDeadlineNotPassed(deadline)) {
            try given(ready, when: .answer(proposalId: "pr-1", verdict: .adopted, reason: "منطقی است"))
        }
        #expect(throws: DomainError.required(field: "reason")) { try given(ready, when: .answer(proposalId: "pr-1", verdict: .rejected, reason: " "), at: after) }
        #expect(try given(ready, when: .answer(proposalId: "pr-1", verdict: .partlyAdopted, reason: "دوساله می‌شود، نه سه‌ساله"), at: after).count == 1)
    }

    @Test func aRoundCannotBeFinalisedWhileAProposalIsUnanswered() throws {
        let ready = underReview + [proposal("pr-1"), proposal("pr-2", by: colleague)]
        #expect(throws: DomainError.proposalsUnanswered(["pr-1", "pr-2"])) { try given(ready, when: .finalise(nextArticles: nil), at: after) }

        let answered = ready + [
            .answered(ProposalAnswered(proposalId: "pr-1", verdict: .adopted, reason: "پذیرفته شد")),
            .answered(ProposalAnswered(proposalId: "pr-2", verdict: .rejected, reason: "با ماده ۹ ناسازگار است")),
        ]
        #expect(throws: DomainError.nextVersionRequired(["pr-1"])) { try given(answered, when: .finalise(nextArticles: nil), at: after) }

        var next = articles
        next[0].notes = ["مجوز دوساله است."]
        let decided = try given(answered, when: .finalise(nextArticles: next), at: after)
        #expect(decided == [
            .published(RegulationPublished(regulationId: "kanoon", kind: .regulation, title: "آیین‌نامه کانون‌ها", version: 2, articles: next, carriedProposals: ["pr-1"])),
            .finalised(ReviewRoundFinalised(round: 1, publishedVersion: 2)),
        ])
        // After finalising, a new round can open on version 2.
        let state = Regulation.fold(answered + decided)
        #expect(state.current?.version == 2)
        #expect(try given(answered + decided, when: .openRound(deadline: after.addingTimeInterval(86400), audience: Audience()), at: after).count == 1)
    }

    @Test func withdrawnProposalsNeedNoAnswerAndNothingAdoptedNeedsNoNewVersion() throws {
        let ready = underReview + [proposal("pr-1"), .withdrawn(ContributionWithdrawn(contributionId: "pr-1"))]
        #expect(try given(ready, when: .finalise(nextArticles: nil), at: after) == [.finalised(ReviewRoundFinalised(round: 1, publishedVersion: nil))])
    }
}

extension RegulationDeciderTests {
    @Test func eachRemainingRefusalOfTheReviewRules() throws {
        #expect(throws: DomainError.regulationNotFound) { try given([], when: .openRound(deadline: deadline, audience: Audience())) }
        #expect(throws: DomainError.regulationAlreadyPublished) {
            try given([published], when: .publish(regulationId: "kanoon", kind: .regulation, title: "عنوانی دیگر", articles: articles))
        }
        #expect(try given([published], when: .publish(regulationId: "kanoon", kind: .regulation, title: "آیین‌نامه کانون‌ها", articles: articles)).isEmpty)
        #expect(throws: DomainError.reviewNotOpen) { try given([published], when: propose(), by: professor.actor) }
        #expect(throws: DomainError.contributionNotFound) { try given(underReview, when: .withdraw(contributionId: "none"), by: professor.actor) }
        #expect(throws: DomainError.contributionNotFound) { try given(underReview, when: .endorse(proposalId: "none", member: colleague), by: colleague.actor) }
        #expect(throws: DomainError.contributionIdTaken("pr-1")) { try given(underReview + [proposal()], when: propose(article: 2), by: professor.actor) }
        let withdrawn = underReview + [proposal(), .withdrawn(ContributionWithdrawn(contributionId: "pr-1"))]
        #expect(throws: DomainError.contributionWithdrawn) { try given(withdrawn, when: propose(), by: professor.actor) }
        #expect(throws: DomainError.contributionNotFound) { try given(withdrawn, when: .answer(proposalId: "pr-1", verdict: .rejected, reason: "x"), at: after) }
        #expect(throws: DomainError.reviewDeadlineNotPassed(deadline)) { try given(underReview, when: .finalise(nextArticles: nil)) }
    }
}
