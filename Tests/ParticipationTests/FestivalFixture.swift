import EventStore
import Foundation
import HadafEvents
import Participation

/// A festival on a real log: the demo universities, an officer, and a call with one section of
/// ideas whose category takes students' ideas (two criteria, two winners, one reserve, at most
/// one winner per university, two scores needed).
struct FestivalFixture {
    let demo: DemoLog
    let festivals: Festivals
    let submissions: Submissions
    let officer = Actor(id: "officer-1", role: .ministryOfficer)
    let screener: String
    private var nextNumber = 1

    static let category = FestivalCategory(
        id: "student-ideas", title: "ایده‌های دانشجویی", entrantKind: .student, submissionKinds: [.idea],
        rubric: [
            RubricCriterion(id: "originality", title: "نوآوری", weight: 2, minimum: 0, maximum: 10),
            RubricCriterion(id: "feasibility", title: "اجراپذیری", weight: 1, minimum: 0, maximum: 10),
        ],
        winners: 2, reserves: 1, quotaPerUniversity: 1, minimumScores: 2, prize: FestivalPrize(rials: 50_000_000, recognition: "لوح تقدیر"))

    static func call(closingAt date: Date) -> FestivalOpened {
        FestivalOpened(
            festivalId: "third", year: 1404, edition: 3, title: "سومین جشنواره هدف", closesAt: date,
            sections: [FestivalSection(id: "ideas", title: "ایده‌ها", categories: [category])])
    }

    static func make() async throws -> FestivalFixture {
        let demo = try await DemoLog.make()
        let screener = try await demo.register(.ministryOfficer, number: 0)
        return FestivalFixture(
            demo: demo, festivals: Festivals(store: demo.store, clock: demo.clock),
            submissions: Submissions(store: demo.store, clock: demo.clock), screener: screener)
    }

    var store: EventStore { demo.store }

    /// Registers a participant of `kind` at `university`.
    mutating func register(_ kind: Actor.Role, at university: String = "ut") async throws -> String {
        nextNumber += 1
        return try await demo.register(kind, number: nextNumber, university: university)
    }

    /// Opens the call, closing a month after the clock's now.
    func open() async throws {
        _ = try await festivals.open(Self.call(closingAt: demo.clock.now().addingTimeInterval(30 * 86_400)), by: officer)
    }

    /// An idea by `author`, submitted and (unless `accepted` is false) accepted for evaluation.
    func idea(_ id: String, by author: String, accepted: Bool = true) async throws {
        let content = SubmissionContent.idea(IdeaContent(
            title: "ایده \(id)", summary: "خلاصه‌ای از ایده \(id) برای جشنواره", problem: "مسئله", proposal: "پیشنهاد", expectedImpact: "اثر", category: .literary))
        _ = try await submissions.draft(id, authors: [SubmissionAuthor(kind: .participant, id: author, share: 100)], content: content, by: author)
        _ = try await submissions.submit(id, by: author)
        guard accepted else { return }
        let decision = SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil)
        _ = try await submissions.screen(id, decision: decision, by: screener)
    }

    /// The festival's state as the decider sees it.
    func state() throws -> Festival.State {
        try festivals.opened("third").state
    }
}
