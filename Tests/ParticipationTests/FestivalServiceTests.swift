import EventStore
import Foundation
import HadafEvents
import Participation
import Testing

@Suite("The festival on a real log: entries, nominations, juries and scores")
struct FestivalServiceTests {
    private func code(_ body: () async throws -> Void) async -> String? {
        do { try await body() } catch let error as DomainError { return error.code } catch { return "\(error)" }
        return nil
    }

    @Test func anEntryIsASubmissionAcceptedInTheFestivalsYearOfTheCategorysKindAfterTheCallCloses() async throws {
        var test = try await FestivalFixture.make()
        let student = try await test.register(.student)
        let teacher = try await test.register(.faculty)
        try await test.idea("accepted", by: student)
        try await test.idea("unscreened", by: student, accepted: false)
        try await test.idea("by-faculty", by: teacher)
        try await test.open()
        let officer = test.officer

        #expect(await code { _ = try await test.festivals.confirm("third", entries: [(.submission("accepted"), "student-ideas")], by: officer) } == "festival.call_open")
        _ = try await test.festivals.closeCall("third", by: officer)
        #expect(await code { _ = try await test.festivals.confirm("third", entries: [(.submission("unscreened"), "student-ideas")], by: officer) } == "festival.entry_ineligible")
        #expect(await code { _ = try await test.festivals.confirm("third", entries: [(.submission("by-faculty"), "student-ideas")], by: officer) } == "festival.entry_ineligible")
        #expect(await code { _ = try await test.festivals.confirm("third", entries: [(.submission("accepted"), "no-such")], by: officer) } == "festival.category_not_found")
        #expect(try test.state().entries.isEmpty)

        _ = try await test.festivals.confirm("third", entries: [(.submission("accepted"), "student-ideas")], by: officer)
        let entry = try #require(try test.state().entries["accepted"])
        #expect(entry.university == "ut" && entry.basis == .proposed && entry.authors.map(\.id) == [student])
        // Confirming again changes nothing.
        #expect(try await test.festivals.confirm("third", entries: [(.submission("accepted"), "student-ideas")], by: officer).eventCount == 0)
    }

    @Test func aDeputyNominatesOnlyTheirUniversitysSubmissionsWhileTheCallIsOpen() async throws {
        var test = try await FestivalFixture.make()
        let atTehran = try await test.register(.student, at: "ut")
        let atSharif = try await test.register(.student, at: "sharif")
        let deputy = try await test.register(.universityDeputyOfficer, at: "ut")
        try await test.idea("tehran-idea", by: atTehran)
        try await test.idea("sharif-idea", by: atSharif)
        try await test.open()

        #expect(await code { _ = try await test.festivals.nominate("third", .submission("sharif-idea"), category: "student-ideas", by: Actor(id: deputy, role: .universityDeputyOfficer)) } == "actor.forbidden")
        _ = try await test.festivals.nominate("third", .submission("tehran-idea"), category: "student-ideas", by: Actor(id: deputy, role: .universityDeputyOfficer))
        _ = try await test.festivals.closeCall("third", by: test.officer)
        #expect(await code { _ = try await test.festivals.nominate("third", .submission("tehran-idea"), category: "student-ideas", by: Actor(id: deputy, role: .universityDeputyOfficer)) } == "festival.call_closed")

        _ = try await test.festivals.confirm("third", entries: [(.submission("tehran-idea"), "student-ideas"), (.submission("sharif-idea"), "student-ideas")], by: test.officer)
        let entries = try test.state().entries
        #expect(entries["tehran-idea"]?.basis == .nominated && entries["sharif-idea"]?.basis == .proposed)
    }

    @Test func jurorsAreNeverAssignedAcrossAConflictOfInterest() async throws {
        var test = try await FestivalFixture.make()
        let atTehran = try await test.register(.student, at: "ut")
        let atSharif = try await test.register(.student, at: "sharif")
        let jurorTehran = try await test.register(.juror, at: "ut")
        let jurorRazi = try await test.register(.juror, at: "razi")
        let jurorYazd = try await test.register(.juror, at: "yazd")
        try await test.idea("tehran-idea", by: atTehran)
        try await test.idea("sharif-idea", by: atSharif)
        try await test.open()
        let officer = test.officer
        _ = try await test.festivals.closeCall("third", by: officer)
        _ = try await test.festivals.confirm("third", entries: [(.submission("tehran-idea"), "student-ideas"), (.submission("sharif-idea"), "student-ideas")], by: officer)
        for juror in [jurorTehran, jurorRazi, jurorYazd] {
            _ = try await test.festivals.appointJuror("third", jurorId: juror, section: "ideas", university: nil, by: officer)
        }
        _ = try await test.festivals.declareConflict("third", entryId: "sharif-idea", reason: "استاد راهنمای نویسنده بوده‌ام", by: Actor(id: jurorYazd, role: .juror))

        _ = try await test.festivals.assignJurors("third", by: officer)
        let state = try test.state()
        let pairs = state.assignments
        #expect(!pairs.isEmpty)
        #expect(pairs.allSatisfy { state.mayJudge($0.jurorId, state.entries[$0.entryId]!) })
        #expect(!pairs.contains(JurorAssignment(entryId: "tehran-idea", jurorId: jurorTehran)))
        #expect(!pairs.contains(JurorAssignment(entryId: "sharif-idea", jurorId: jurorYazd)))
        #expect(Set(pairs.filter { $0.entryId == "tehran-idea" }.map(\.jurorId)) == [jurorRazi, jurorYazd])
        #expect(Set(pairs.filter { $0.entryId == "sharif-idea" }.map(\.jurorId)) == [jurorTehran, jurorRazi])

        // An assignment made by hand across a conflict is refused by the decider too.
        let handler = CommandHandler<Festival>(store: test.store, clock: test.demo.clock)
        let crossing = FestivalJurorsAssigned(assignments: [JurorAssignment(entryId: "tehran-idea", jurorId: jurorTehran)], understaffed: [])
        #expect(await code { _ = try await handler.handle(.assignJurors(crossing), on: Festival.stream("third"), by: officer) } == "festival.conflict_of_interest")
    }

    @Test func scoresFollowTheRubricTheAssignmentAndTheAnnouncement() async throws {
        var test = try await FestivalFixture.make()
        let student = try await test.register(.student, at: "ut")
        let juror = Actor(id: try await test.register(.juror, at: "razi"), role: .juror)
        let other = Actor(id: try await test.register(.juror, at: "yazd"), role: .juror)
        try await test.idea("idea", by: student)
        try await test.open()
        let officer = test.officer
        _ = try await test.festivals.closeCall("third", by: officer)
        _ = try await test.festivals.confirm("third", entries: [(.submission("idea"), "student-ideas")], by: officer)
        _ = try await test.festivals.appointJuror("third", jurorId: juror.id, section: "ideas", university: nil, by: officer)
        _ = try await test.festivals.assignJurors("third", by: officer)
        let fair = [CriterionScore(criterion: "originality", score: 8), CriterionScore(criterion: "feasibility", score: 6)]

        #expect(await code { _ = try await test.festivals.score("third", entryId: "idea", scores: fair, by: other) } == "festival.not_assigned")
        #expect(await code { _ = try await test.festivals.score("third", entryId: "idea", scores: [fair[0]], by: juror) } == "festival.score_invalid")
        let tooHigh = [CriterionScore(criterion: "originality", score: 11), fair[1]]
        #expect(await code { _ = try await test.festivals.score("third", entryId: "idea", scores: tooHigh, by: juror) } == "festival.score_invalid")
        let unknown = fair + [CriterionScore(criterion: "beauty", score: 3)]
        #expect(await code { _ = try await test.festivals.score("third", entryId: "idea", scores: unknown, by: juror) } == "festival.score_invalid")
        #expect(try await test.festivals.score("third", entryId: "idea", scores: fair, by: juror).eventCount == 1)

        // A conflict declared after the assignment takes the entry away from the juror.
        _ = try await test.festivals.declareConflict("third", entryId: "idea", reason: "هم‌اتاقی نویسنده بوده‌ام", by: juror)
        #expect(await code { _ = try await test.festivals.score("third", entryId: "idea", scores: fair, by: juror) } == "festival.not_assigned")

        // A submitter may withdraw their own entry, and no one scores it afterwards.
        _ = try await test.festivals.withdraw("third", entryId: "idea", reason: "انصراف", by: Actor(id: student, role: .student))
        #expect(try test.state().withdrawn == ["idea"])
        #expect(await code { _ = try await test.festivals.withdraw("third", entryId: "idea", reason: "x", by: other) } == "actor.forbidden")
    }

    @Test func aCallWithProblemsIsRefusedWithOneDetailPerField() async throws {
        let test = try await FestivalFixture.make()
        let broken = FestivalCategory(
            id: "Bad Id", title: " ", entrantKind: .student, submissionKinds: [],
            rubric: [RubricCriterion(id: "x", title: "x", weight: 0, minimum: 5, maximum: 5)],
            winners: 0, reserves: -1, quotaPerUniversity: 0, minimumScores: 0, prize: FestivalPrize(rials: 1, recognition: ""))
        let call = FestivalOpened(
            festivalId: "third", year: 1404, edition: nil, title: "جشنواره", closesAt: test.demo.clock.now(),
            sections: [FestivalSection(id: "ideas", title: "ایده‌ها", categories: [broken])])
        do {
            _ = try await test.festivals.open(call, by: test.officer)
            Issue.record("an invalid call opened")
        } catch {
            #expect(error.code == "festival.call_invalid")
            let fields = Set(error.details.compactMap(\.field))
            let expected: Set<String> = [
                "sections[0].categories[0].id", "sections[0].categories[0].title", "sections[0].categories[0].submissionKinds",
                "sections[0].categories[0].winners", "sections[0].categories[0].reserves", "sections[0].categories[0].quotaPerUniversity",
                "sections[0].categories[0].minimumScores", "sections[0].categories[0].rubric[0].id", "sections[0].categories[0].rubric[0].weight", "sections[0].categories[0].rubric[0].maximum",
            ]
            #expect(fields == expected)
        }
        #expect(try test.store.readStream(Festival.stream("third")).isEmpty)
        #expect(await code { _ = try await test.festivals.open(FestivalFixture.call(closingAt: Date()), by: Actor(id: "s", role: .student)) } == "actor.forbidden")
    }
}
