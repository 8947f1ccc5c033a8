import EventStore
import Foundation
import HadafEvents
import Participation
import Testing

@Suite("Submitting on a real log: duplicates are flagged to the screener")
struct SubmissionsServiceTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    private struct Log {
        let demo: DemoLog
        let submissions: Submissions
        let students: [String]
        var store: EventStore { demo.store }
    }

    private func log() async throws -> Log {
        let demo = try await DemoLog.make()
        return Log(demo: demo, submissions: Submissions(store: demo.store, clock: demo.clock), students: try await demo.students(3))
    }

    private func idea(_ title: String) -> SubmissionContent {
        .idea(IdeaContent(title: title, summary: "گردهمایی ماهانه دانشجویان برای گفت‌وگو درباره کتاب", problem: "کم‌خوانی", proposal: "باشگاه", expectedImpact: "مطالعه", category: .literary))
    }

    private func only(_ id: String) -> [SubmissionAuthor] { [SubmissionAuthor(kind: .participant, id: id, share: 100)] }

    @Test func theSameIdeaTypedOnAnArabicKeyboardIsFlaggedWithTheEarliersId() async throws {
        let test = try await log()
        let (first, second, third) = (test.students[0], test.students[1], test.students[2])
        _ = try await test.submissions.draft("idea-a", authors: only(first), content: idea("باشگاه کتاب‌خوانی خوابگاه‌ها"), by: first)
        _ = try await test.submissions.submit("idea-a", by: first)
        // A draft that was never submitted flags nothing.
        _ = try await test.submissions.draft("idea-draft", authors: only(third), content: idea("باشگاه کتاب‌خوانی خوابگاه‌ها"), by: third)

        _ = try await test.submissions.draft("idea-b", authors: only(second), content: idea("باشگاه كتابخواني خوابگاهها"), by: second)
        _ = try await test.submissions.submit("idea-b", by: second)

        let (state, _) = try CommandHandler<Submission>(store: test.store).load(Submission.stream("idea-b"))
        #expect(state.possibleDuplicates.map(\.submissionId) == ["idea-a"])
        #expect(state.possibleDuplicates.first?.similarity == 1)
    }

    @Test func aWithdrawnSubmissionNoLongerFlagsOthers() async throws {
        let test = try await log()
        let (first, second) = (test.students[0], test.students[1])
        _ = try await test.submissions.draft("idea-a", authors: only(first), content: idea("جشنواره تئاتر خیابانی"), by: first)
        _ = try await test.submissions.submit("idea-a", by: first)
        _ = try await test.submissions.withdraw("idea-a", by: first)
        _ = try await test.submissions.draft("idea-b", authors: only(second), content: idea("جشنواره تئاتر خیابانی"), by: second)
        _ = try await test.submissions.submit("idea-b", by: second)
        let (state, _) = try CommandHandler<Submission>(store: test.store).load(Submission.stream("idea-b"))
        #expect(state.possibleDuplicates.isEmpty)
    }

    @Test func draftingAndSubmittingInOneActAppendsBothEventsOnceAndFlagsLikeSubmit() async throws {
        let test = try await log()
        let (first, second) = (test.students[0], test.students[1])
        _ = try await test.submissions.draftAndSubmit("idea-a", authors: nil, content: idea("باشگاه کتاب‌خوانی خوابگاه‌ها"), by: first)
        let outcome = try await test.submissions.draftAndSubmit(
            "idea-b", authors: nil, content: idea("باشگاه كتابخواني خوابگاهها"), by: second, idempotencyKey: "form-b")
        let again = try await test.submissions.draftAndSubmit(
            "idea-b", authors: nil, content: idea("باشگاه كتابخواني خوابگاهها"), by: second, idempotencyKey: "form-b")
        #expect(outcome.eventCount == 2 && again.result?.firstPosition == outcome.result?.firstPosition)

        let recorded = try test.store.readStream(Submission.stream("idea-b"))
        #expect(recorded.map(\.type) == [SubmissionDrafted.eventType, SubmissionSubmitted.eventType])
        let (state, _) = try CommandHandler<Submission>(store: test.store).load(Submission.stream("idea-b"))
        #expect(state.status == .submitted && state.authors == only(second))
        #expect(state.possibleDuplicates.map(\.submissionId) == ["idea-a"])

        // Decided first as a new stream, an id already taken is read and refused as usual.
        let taken = await #expect(throws: DomainError.self) {
            try await test.submissions.draftAndSubmit("idea-a", authors: nil, content: idea("جشنواره تئاتر"), by: second)
        }
        #expect(taken?.code == DomainError.submissionIdTaken("idea-a").code)
        #expect(try test.store.readStream(Submission.stream("idea-a")).count == 2)
    }

    @Test func aFormFindsItsSubmitterAsTheLogNowStandsThoughTheCatalogueCaughtUpBefore() async throws {
        let test = try await log()
        _ = try await test.submissions.draftAndSubmit("idea-a", authors: nil, content: idea("باشگاه کتاب‌خوانی خوابگاه‌ها"), by: test.students[0])
        let newcomer = try await test.demo.register(.student, number: 3)
        try await test.demo.registry.erase(test.students[1], by: officer)
        let head = try test.store.head()?.position

        await #expect(throws: DomainError.participantErased) {
            try await test.submissions.draftAndSubmit("idea-b", authors: nil, content: idea("جشنواره تئاتر"), by: test.students[1])
        }
        await #expect(throws: DomainError.participantNotRegistered) {
            try await test.submissions.draftAndSubmit("idea-c", authors: nil, content: idea("جشنواره تئاتر"), by: "no-such-participant")
        }
        #expect(try test.store.head()?.position == head)

        _ = try await test.submissions.draftAndSubmit("idea-d", authors: nil, content: idea("جشنواره تئاتر"), by: newcomer)
        let (state, _) = try CommandHandler<Submission>(store: test.store).load(Submission.stream("idea-d"))
        #expect(state.authors == only(newcomer))
    }

    @Test func anIncompleteFormIsRefusedWithoutLeavingADraft() async throws {
        let test = try await log()
        let student = test.students[0]
        let head = try test.store.head()?.position
        let incomplete = SubmissionContent.idea(IdeaContent(title: "باشگاه", summary: "خلاصه", problem: "", proposal: "باشگاه", expectedImpact: "مطالعه", category: .literary))
        let refusal = await #expect(throws: DomainError.self) {
            try await test.submissions.draftAndSubmit("idea-a", authors: nil, content: incomplete, by: student)
        }
        #expect(refusal?.code == "submission.incomplete")
        #expect(try test.store.head()?.position == head)
        #expect(try test.store.readStream(Submission.stream("idea-a")).isEmpty)
    }

    @Test func anExperienceMustCarryOutAnIdeaThatExists() async throws {
        let test = try await log()
        let experience = SubmissionContent.experience(ExperienceContent(
            title: "اجرای باشگاه", summary: "اجرا شد", startedOn: Date(timeIntervalSince1970: 1_700_000_000), endedOn: Date(timeIntervalSince1970: 1_700_086_400),
            place: "تهران", results: "موفق", category: .literary,
            evidence: [EvidenceReference(sha256: String(repeating: "0f", count: 32), fileName: "r.pdf", mediaType: "application/pdf", byteCount: 9)],
            carriesOutIdea: "idea-none"))
        await #expect(throws: DomainError.ideaNotFound("idea-none")) {
            try await test.submissions.draft("exp-1", authors: only(test.students[0]), content: experience, by: test.students[0])
        }
    }
}
