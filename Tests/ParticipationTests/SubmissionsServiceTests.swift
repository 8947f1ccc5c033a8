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
