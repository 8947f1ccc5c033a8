import Foundation
import HadafEvents
import Participation
import Testing

@Suite("The submission decider: ideas and experiences")
struct SubmissionDeciderTests {
    private let now = Date(timeIntervalSince1970: 1_763_000_000)
    private let student = ParticipantDirectory.Member(actor: Actor(id: "p-1", role: .student), university: "ut")
    private let coauthor = ParticipantDirectory.Member(actor: Actor(id: "p-2", role: .student), university: "ut")
    private let representative = ParticipantDirectory.Member(actor: Actor(id: "p-3", role: .studentGroupRepresentative), university: "ut", studentGroup: "kanoon-ketab")
    private let deputy = ParticipantDirectory.Member(actor: Actor(id: "d-1", role: .universityDeputyOfficer), university: "ut")
    private let otherDeputy = ParticipantDirectory.Member(actor: Actor(id: "d-2", role: .universityDeputyOfficer), university: "sharif")

    private let idea = SubmissionContent.idea(IdeaContent(
        title: "باشگاه کتاب‌خوانی خوابگاه", summary: "گردهمایی ماهانه", problem: "کتاب‌خوانی کم است",
        proposal: "هر ماه یک کتاب", expectedImpact: "مطالعه بیشتر", category: .literary))

    private var authors: [SubmissionAuthor] { [.init(kind: .participant, id: "p-1", share: 60), .init(kind: .participant, id: "p-2", share: 40)] }

    private var drafted: SubmissionEvent {
        .drafted(SubmissionDrafted(submissionId: "idea-1", submitter: "p-1", university: "ut", authors: authors, content: idea))
    }

    private func given(_ events: [SubmissionEvent], when command: Submission.Command, by actor: Actor? = nil) throws(DomainError) -> [SubmissionEvent] {
        try Submission.decide(command, state: Submission.fold(events), context: DecisionContext(actor: actor ?? student.actor, now: now))
    }

    private func screen(_ decision: SubmissionScreened.Decision, ground: SubmissionScreened.RejectionGround? = nil, duplicateOf: String? = nil, reason: String? = "دلیل", by member: ParticipantDirectory.Member? = nil) -> Submission.Command {
        .screen(SubmissionScreened(decision: decision, ground: ground, duplicateOf: duplicateOf, reason: reason), screener: member ?? deputy)
    }

    @Test func authorsShareTheCreditAndTheSubmitterIsOne() throws {
        #expect(try given([], when: .draft(submissionId: "idea-1", authors: authors, content: idea, submitter: student)) == [drafted])
        #expect(throws: DomainError.sharesInvalid) {
            try given([], when: .draft(submissionId: "idea-1", authors: [.init(kind: .participant, id: "p-1", share: 90)], content: idea, submitter: student))
        }
        #expect(throws: DomainError.authorRepeated) {
            try given([], when: .draft(submissionId: "idea-1", authors: [.init(kind: .participant, id: "p-1", share: 50), .init(kind: .participant, id: "p-1", share: 50)], content: idea, submitter: student))
        }
        #expect(throws: DomainError.submitterNotAuthor) {
            try given([], when: .draft(submissionId: "idea-1", authors: [.init(kind: .participant, id: "p-2", share: 100)], content: idea, submitter: student))
        }
        let team = [SubmissionAuthor(kind: .studentGroup, id: "kanoon-ketab", share: 100)]
        #expect(try given([], when: .draft(submissionId: "idea-2", authors: team, content: idea, submitter: representative), by: representative.actor).count == 1)
        #expect(throws: DomainError.forbidden(role: .juror, action: "submit ideas or experiences")) {
            try given([], when: .draft(submissionId: "idea-3", authors: authors, content: idea, submitter: .init(actor: Actor(id: "j", role: .juror), university: "ut")))
        }
        #expect(throws: DomainError.submissionIdTaken("idea-1")) { try given([drafted], when: .draft(submissionId: "idea-1", authors: authors, content: idea, submitter: student)) }
    }

    @Test func onlyACompleteSubmissionGoesToScreening() throws {
        let sketch = SubmissionContent.idea(IdeaContent(title: "طرح", summary: "", problem: " ", proposal: "", expectedImpact: "اثر", category: .social))
        let draft = SubmissionEvent.drafted(SubmissionDrafted(submissionId: "idea-1", submitter: "p-1", university: "ut", authors: authors, content: sketch))
        do {
            _ = try given([draft], when: .submit(possibleDuplicates: []))
            Issue.record("an incomplete idea was submitted")
        } catch {
            #expect(error.code == "submission.incomplete")
            #expect(error.details.compactMap(\.field) == ["summary", "problem", "proposal"])
        }
        let flags = [PossibleDuplicate(submissionId: "idea-0", similarity: 0.91)]
        #expect(try given([drafted], when: .submit(possibleDuplicates: flags)) == [.submitted(SubmissionSubmitted(possibleDuplicates: flags))])
    }

    @Test func anExperienceHasEndedAndItsEvidenceIsHashed() {
        func experience(ended: Date, evidence: [EvidenceReference]) -> SubmissionEvent {
            .drafted(SubmissionDrafted(submissionId: "exp-1", submitter: "p-1", university: "ut", authors: authors, content: .experience(ExperienceContent(
                title: "اردوی علمی", summary: "بازدید از پارک فناوری", startedOn: ended.addingTimeInterval(-86400), endedOn: ended,
                place: "یزد", results: "۴۰ شرکت‌کننده", category: .scientific, evidence: evidence))))
        }
        let good = EvidenceReference(sha256: String(repeating: "ab", count: 32), fileName: "report.pdf", mediaType: "application/pdf", byteCount: 1200)
        let bad = EvidenceReference(sha256: "not-a-hash", fileName: "photo.jpg", mediaType: "image/jpeg", byteCount: 10)
        #expect(throws: DomainError.submissionIncomplete([.experienceDatesInvalid])) { try given([experience(ended: now.addingTimeInterval(3600), evidence: [good])], when: .submit(possibleDuplicates: [])) }
        #expect(throws: DomainError.submissionIncomplete([.evidenceInvalid("photo.jpg")])) { try given([experience(ended: now, evidence: [bad])], when: .submit(possibleDuplicates: [])) }
        #expect(throws: DomainError.submissionIncomplete([.required(field: "evidence")])) { try given([experience(ended: now, evidence: [])], when: .submit(possibleDuplicates: [])) }
        #expect((try? given([experience(ended: now, evidence: [good])], when: .submit(possibleDuplicates: [])))?.count == 1)
    }

    @Test func theSubmitterRevisesUntilScreeningAndWithdrawsAnyTime() throws {
        let submitted = [drafted, .submitted(SubmissionSubmitted(possibleDuplicates: []))]
        #expect(try given(submitted, when: .revise(authors: authors, content: .idea(IdeaContent(title: "عنوان تازه", summary: "s", problem: "p", proposal: "p", expectedImpact: "i", category: .literary)))).count == 1)
        #expect(throws: DomainError.forbidden(role: .student, action: "change another participant's submission")) {
            try given(submitted, when: .revise(authors: authors, content: idea), by: coauthor.actor)
        }
        let accepted = submitted + [.screened(SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil))]
        #expect(throws: DomainError.submissionStatus(.accepted, action: .revise)) {
            try given(accepted, when: .revise(authors: authors, content: .idea(IdeaContent(title: "دیگر", summary: "s", problem: "p", proposal: "p", expectedImpact: "i", category: .literary))))
        }
        #expect(try given(accepted, when: .withdraw) == [.withdrawn(SubmissionWithdrawn())])
        #expect(throws: DomainError.submissionStatus(.withdrawn, action: .submit)) { try given(submitted + [.withdrawn(SubmissionWithdrawn())], when: .submit(possibleDuplicates: [])) }
    }

    @Test func screeningIsForTheUniversitysDeputyOrTheMinistryWithReasons() throws {
        let submitted = [drafted, .submitted(SubmissionSubmitted(possibleDuplicates: []))]
        #expect(try given(submitted, when: screen(.acceptedForEvaluation, reason: nil), by: deputy.actor).count == 1)
        let ministry = ParticipantDirectory.Member(actor: Actor(id: "m-1", role: .ministryOfficer), university: nil)
        #expect(try given(submitted, when: screen(.returnedForRevision, by: ministry), by: ministry.actor).count == 1)
        #expect(throws: DomainError.screeningOtherUniversity) { try given(submitted, when: screen(.acceptedForEvaluation, by: otherDeputy), by: otherDeputy.actor) }
        #expect(throws: DomainError.forbidden(role: .student, action: "screen submissions")) { try given(submitted, when: screen(.acceptedForEvaluation, by: coauthor)) }
        #expect(throws: DomainError.required(field: "reason")) { try given(submitted, when: screen(.returnedForRevision, reason: nil), by: deputy.actor) }
        #expect(throws: DomainError.required(field: "ground")) { try given(submitted, when: screen(.rejected), by: deputy.actor) }
        #expect(throws: DomainError.required(field: "duplicateOf")) { try given(submitted, when: screen(.rejected, ground: .duplicate), by: deputy.actor) }
        #expect(throws: DomainError.submissionStatus(.draft, action: .screen)) { try given([drafted], when: screen(.acceptedForEvaluation), by: deputy.actor) }

        let returned = submitted + [.screened(SubmissionScreened(decision: .returnedForRevision, ground: nil, duplicateOf: nil, reason: "منابع را بیفزایید"))]
        #expect(try given(returned, when: .submit(possibleDuplicates: [])).count == 1)
    }
}

extension SubmissionDeciderTests {
    @Test func commandsOnASubmissionThatDoesNotExist() {
        for command in [Submission.Command.submit(possibleDuplicates: []), .withdraw, .revise(authors: [], content: idea)] {
            #expect(throws: DomainError.submissionNotFound) { try given([], when: command) }
        }
        #expect(throws: DomainError.submissionNotFound) {
            try given([], when: .screen(SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil), screener: deputy), by: deputy.actor)
        }
    }
}
