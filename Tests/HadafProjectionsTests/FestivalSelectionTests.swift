import Foundation
import HadafEvents
import HadafProjections
import Testing

@Suite("The festival's selection: normalisation, the tie-break chain, quotas, exclusions")
struct FestivalSelectionTests {
    /// A festival of one category with one criterion scored 0 to 10, so that a juror's
    /// percentage is ten times their score.
    private struct Festival {
        var inputs = FestivalInputs()
        private var position: Int64 = 0

        init(winners: Int, reserves: Int = 0, quota: Int? = nil, minimumScores: Int = 2) {
            let category = FestivalCategory(
                id: "ideas", title: "ایده‌ها", entrantKind: .student, submissionKinds: [.idea],
                rubric: [RubricCriterion(id: "q", title: "کیفیت", weight: 1, minimum: 0, maximum: 10)],
                winners: winners, reserves: reserves, quotaPerUniversity: quota, minimumScores: minimumScores,
                prize: FestivalPrize(rials: 10_000_000, recognition: "تقدیر"))
            apply(.opened(FestivalOpened(
                festivalId: "f", year: 1404, edition: nil, title: "جشنواره", closesAt: Date(timeIntervalSince1970: 0),
                sections: [FestivalSection(id: "s", title: "بخش", categories: [category])])))
        }

        mutating func apply(_ event: FestivalEvent) {
            position += 1
            inputs.apply(event, at: position)
        }

        /// Admits entries, each submitted at the position given (the tie-break's last link).
        mutating func enter(_ entries: [(id: String, university: String, submittedAt: Int64)]) {
            apply(.confirmed(FestivalEntriesConfirmed(entries: entries.map {
                FestivalEntry(
                    entryId: $0.id, categoryId: "ideas", title: $0.id, kind: .idea, university: $0.university,
                    authors: [SubmissionAuthor(kind: .participant, id: "author-\($0.id)", share: 100)], submitter: "author-\($0.id)",
                    submittedAt: $0.submittedAt, basis: .proposed)
            })))
        }

        /// A juror's score, counted as the commands would take it: the juror is appointed to
        /// the section and assigned the entry first (the selection counts no other score).
        mutating func score(_ juror: String, _ entry: String, _ score: Int) {
            if inputs.jury.sections[juror] == nil { apply(.jurorAppointed(FestivalJurorAppointed(jurorId: juror, sectionId: "s", university: nil))) }
            if !inputs.jury.assignments.contains(JurorAssignment(entryId: entry, jurorId: juror)) {
                apply(.jurorsAssigned(FestivalJurorsAssigned(assignments: [JurorAssignment(entryId: entry, jurorId: juror)], understaffed: [])))
            }
            apply(.scored(FestivalEntryScored(entryId: entry, jurorId: juror, scores: [CriterionScore(criterion: "q", score: score)])))
        }

        /// A juror who scored two entries: the higher gets 60 after normalisation, the lower 40,
        /// and two equal scores 50 each.
        mutating func pair(_ juror: String, high: String, low: String) {
            score(juror, high, 9)
            score(juror, low, 1)
        }

        mutating func even(_ juror: String, _ a: String, _ b: String) {
            score(juror, a, 5)
            score(juror, b, 5)
        }

        var placings: [FestivalPlacing] { FestivalSelector.select(inputs).categories[0].placings }

        func placing(_ entry: String) -> FestivalPlacing? { placings.first { $0.entryId == entry } }
    }

    @Test func aHarshAndALenientJurorCountTheSameAfterNormalisationAsWorkedByHand() throws {
        var festival = Festival(winners: 1)
        festival.enter([("e1", "ut", 1), ("e2", "ut", 2), ("e3", "ut", 3)])
        // The harsh juror gives 20%, 40%, 60%; the lenient one 90%, 80%, 100%.
        for (entry, score) in [("e1", 2), ("e2", 4), ("e3", 6)] { festival.score("harsh", entry, score) }
        for (entry, score) in [("e1", 9), ("e2", 8), ("e3", 10)] { festival.score("lenient", entry, score) }
        // Each juror's percentages lie one population deviation (16.33 and 8.165) times ±√1.5 from
        // their mean: 50 ± 10·√1.5 = 37.7526 and 62.2474.
        let standings = FestivalSelector.rank(festival.inputs)[0].standings
        let e1 = try #require(standings.first { $0.entry.entryId == "e1" })
        #expect(e1.jurorScores == [
            JurorScore(jurorId: "harsh", percentage: 20, normalised: 37.7526),
            JurorScore(jurorId: "lenient", percentage: 90, normalised: 50),
        ])
        #expect(festival.placing("e1")?.score == 43.8763)
        #expect(festival.placing("e2")?.score == 43.8763)
        #expect(festival.placing("e3")?.score == 62.2474 && festival.placing("e3")?.outcome == .winner)
        // Raw percentages would rank e2 (60) above e1 (55); normalised they tie on mean and median
        // and count, so the earlier submission ranks first.
        #expect(festival.placing("e1")?.rank == 2 && festival.placing("e2")?.rank == 3)
    }

    @Test func aTieOnTheMeanGoesToTheHigherMedian() {
        var festival = Festival(winners: 1, minimumScores: 3)
        festival.enter([("a", "ut", 2), ("b", "ut", 1), ("x", "ut", 10), ("y", "ut", 11), ("z", "ut", 12), ("w", "ut", 13)])
        // a: 60, 60, 40 (mean 53.33, median 60); b: 60, 50, 50 (mean 53.33, median 50).
        festival.pair("j1", high: "a", low: "x")
        festival.pair("j2", high: "a", low: "y")
        festival.pair("j3", high: "z", low: "a")
        festival.pair("j4", high: "b", low: "w")
        festival.even("j5", "b", "x")
        festival.even("j6", "b", "y")
        #expect(festival.placing("a")?.score == festival.placing("b")?.score)
        #expect(festival.placing("a")?.median == 60 && festival.placing("b")?.median == 50)
        #expect(festival.placing("a")?.outcome == .winner && festival.placing("b")?.rank == 2)
    }

    @Test func aTieOnMeanAndMedianGoesToMoreScores() {
        var festival = Festival(winners: 1, minimumScores: 3)
        festival.enter([("a", "ut", 2), ("b", "ut", 1)] + (1...7).map { ("x\($0)", "ut", Int64(10 + $0)) })
        // a: 60, 40, 60, 40 (four scores); b: 50, 50, 50 (three): both mean and median 50. The
        // others have one score each, too few to be ranked.
        festival.pair("j1", high: "a", low: "x1")
        festival.pair("j2", high: "x2", low: "a")
        festival.pair("j3", high: "a", low: "x3")
        festival.pair("j4", high: "x4", low: "a")
        festival.even("j5", "b", "x5")
        festival.even("j6", "b", "x6")
        festival.even("j7", "b", "x7")
        #expect(festival.placing("a")?.score == 50 && festival.placing("b")?.score == 50)
        #expect(festival.placing("a")?.median == 50 && festival.placing("b")?.median == 50)
        #expect(festival.placing("a")?.outcome == .winner && festival.placing("b")?.rank == 2)
    }

    @Test func aFullTieGoesToTheEarlierSubmission() {
        var festival = Festival(winners: 1)
        festival.enter([("late", "ut", 9), ("early", "ut", 4)])
        festival.even("j1", "late", "early")
        festival.even("j2", "late", "early")
        #expect(festival.placing("early")?.outcome == .winner && festival.placing("late")?.outcome == .belowCut)
    }

    @Test func aUniversityAtItsQuotaIsPassedOverForWinnersAndReserves() {
        var festival = Festival(winners: 2, reserves: 1, quota: 1, minimumScores: 1)
        festival.enter([("ut-1", "ut", 1), ("ut-2", "ut", 2), ("sharif-1", "sharif", 3), ("razi-1", "razi", 4), ("yazd-1", "yazd", 5)])
        for (entry, score) in [("ut-1", 10), ("ut-2", 9), ("sharif-1", 8), ("razi-1", 7), ("yazd-1", 1)] { festival.score("j", entry, score) }
        let outcomes = Dictionary(uniqueKeysWithValues: festival.placings.map { ($0.entryId, $0.outcome) })
        #expect(outcomes == ["ut-1": .winner, "ut-2": .overQuota, "sharif-1": .winner, "razi-1": .reserve, "yazd-1": .belowCut])
    }

    @Test func anEntryWithdrawnAfterScoringIsExcludedAsIfItHadNeverBeenScored() {
        var scored = Festival(winners: 1)
        var never = Festival(winners: 1)
        scored.enter([("a", "ut", 1), ("b", "ut", 2), ("gone", "ut", 3)])
        never.enter([("a", "ut", 1), ("b", "ut", 2), ("gone", "ut", 3)])
        for juror in ["j1", "j2"] {
            scored.score(juror, "gone", 10)
            for (entry, score) in [("a", juror == "j1" ? 7 : 3), ("b", 5)] {
                scored.score(juror, entry, score)
                never.score(juror, entry, score)
            }
        }
        scored.apply(.withdrawn(FestivalEntryWithdrawn(entryId: "gone", reason: "انصراف")))
        never.apply(.withdrawn(FestivalEntryWithdrawn(entryId: "gone", reason: "انصراف")))
        #expect(scored.placing("gone")?.outcome == .withdrawn && scored.placing("gone")?.rank == nil)
        #expect(scored.placings.filter { $0.entryId != "gone" } == never.placings.filter { $0.entryId != "gone" })
        // Its standing shows what the jurors gave (10 of 10: 100%), on each juror's scale of the
        // entries that count: j1 gave a 70% and b 50% (mean 60, deviation 10), so 100% is
        // 50 + 10·4 = 90; j2 gave a 30% and b 50%, so 100% is 50 + 10·6 = 110. Before, 0 and 50.
        let standing = FestivalSelector.rank(scored.inputs)[0].standings.first { $0.entry.entryId == "gone" }
        #expect(standing?.jurorScores == [
            JurorScore(jurorId: "j1", percentage: 100, normalised: 90),
            JurorScore(jurorId: "j2", percentage: 100, normalised: 110),
        ])
    }

    @Test func tooFewScoresAreListedUnrankedAndAConflictedJurorsScoreDoesNotCount() {
        var festival = Festival(winners: 1)
        festival.enter([("a", "ut", 1), ("b", "ut", 2)])
        festival.pair("j1", high: "a", low: "b")
        festival.pair("j2", high: "a", low: "b")
        #expect(festival.placing("b")?.outcome == .belowCut)
        festival.apply(.conflictDeclared(FestivalConflictDeclared(jurorId: "j2", entryId: "b", reason: "تعارض")))
        #expect(festival.placing("b")?.outcome == .tooFewScores && festival.placing("b")?.scoreCount == 1)
        #expect(festival.placings.last?.entryId == "b")
    }

    @Test func theInputsHashFollowsTheScoresNotTheOrderTheyArrivedIn() {
        var one = Festival(winners: 1)
        var other = Festival(winners: 1)
        one.enter([("a", "ut", 1), ("b", "ut", 2)])
        other.enter([("a", "ut", 1), ("b", "ut", 2)])
        one.score("j1", "a", 4)
        one.score("j2", "b", 6)
        other.score("j2", "b", 6)
        other.score("j1", "a", 4)
        #expect(one.inputs.hash == other.inputs.hash)
        #expect(FestivalSelector.select(one.inputs) == FestivalSelector.select(other.inputs))
        other.score("j1", "a", 5)
        #expect(one.inputs.hash != other.inputs.hash)
    }
}
