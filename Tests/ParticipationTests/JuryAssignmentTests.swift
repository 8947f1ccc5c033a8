import Foundation
import HadafEvents
import Participation
import Testing

@Suite("A balanced jury assignment: its bounds, and no conflict ever assigned")
struct JuryAssignmentTests {
    /// A deterministic generator, so that a failing case can be run again.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private let universities = ["ut", "sharif", "razi", "yazd"]

    /// A festival state with `entries` entries needing `needed` scores and `jurors` jurors, their
    /// universities and declared conflicts drawn from `random` when `conflicts` is set.
    private func state(entries: Int, jurors: Int, needed: Int, conflicts: Bool, random: inout SplitMix) -> Festival.State {
        let category = FestivalCategory(
            id: "c", title: "رشته", entrantKind: .student, submissionKinds: [.idea],
            rubric: [RubricCriterion(id: "q", title: "کیفیت", weight: 1, minimum: 0, maximum: 10)],
            winners: 1, reserves: 0, quotaPerUniversity: nil, minimumScores: needed, prize: FestivalPrize(rials: 0, recognition: "تقدیر"))
        var events: [FestivalEvent] = [
            .opened(FestivalOpened(festivalId: "f", year: 1404, edition: nil, title: "جشنواره", closesAt: Date(timeIntervalSince1970: 0),
                                   sections: [FestivalSection(id: "s", title: "بخش", categories: [category])])),
            .callClosed(FestivalCallClosed()),
        ]
        let list = (0..<entries).map { index in
            FestivalEntry(
                entryId: "e\(index)", categoryId: "c", title: "اثر", kind: .idea,
                university: conflicts ? universities.randomElement(using: &random)! : "ut",
                authors: [SubmissionAuthor(kind: .participant, id: "author\(index)", share: 100)], submitter: "author\(index)", submittedAt: Int64(index), basis: .proposed)
        }
        events.append(.confirmed(FestivalEntriesConfirmed(entries: list)))
        for juror in 0..<jurors {
            let university = conflicts ? universities.randomElement(using: &random) : "elsewhere"
            events.append(.jurorAppointed(FestivalJurorAppointed(jurorId: "j\(juror)", sectionId: "s", university: university)))
            if conflicts, Bool.random(using: &random), let entry = list.randomElement(using: &random) {
                events.append(.conflictDeclared(FestivalConflictDeclared(jurorId: "j\(juror)", entryId: entry.entryId, reason: "تعارض")))
            }
        }
        return Festival.fold(events)
    }

    @Test func withoutConflictsEveryEntryGetsItsJurorsAndLoadsDifferByAtMostOne() {
        var random = SplitMix(state: 1)
        for entries in 1...12 {
            for jurors in 2...6 {
                for needed in 1...min(jurors, 3) {
                    let state = state(entries: entries, jurors: jurors, needed: needed, conflicts: false, random: &random)
                    let assigned = JuryAssignment.assign(state)
                    #expect(assigned.understaffed.isEmpty)
                    let byEntry = Dictionary(grouping: assigned.assignments, by: \.entryId)
                    #expect(byEntry.count == entries && byEntry.values.allSatisfy { Set($0.map(\.jurorId)).count == needed })
                    let loads = (0..<jurors).map { juror in assigned.assignments.filter { $0.jurorId == "j\(juror)" }.count }
                    #expect(loads.max()! - loads.min()! <= 1, "entries \(entries), jurors \(jurors), needed \(needed): \(loads)")
                    #expect(loads.max()! <= (entries * needed + jurors - 1) / jurors)
                }
            }
        }
    }

    @Test func withConflictsNoPairIsIneligibleAndOnlyEntriesWithTooFewEligibleJurorsAreShort() {
        var random = SplitMix(state: 42)
        for round in 0..<200 {
            let state = state(entries: 1 + round % 9, jurors: 2 + round % 5, needed: 1 + round % 3, conflicts: true, random: &random)
            let assigned = JuryAssignment.assign(state)
            for pair in assigned.assignments {
                #expect(state.mayJudge(pair.jurorId, state.entries[pair.entryId]!), "round \(round): \(pair)")
            }
            for entry in state.activeEntries {
                let eligible = state.jurorSections.keys.filter { state.mayJudge($0, entry) }.count
                let given = assigned.assignments.filter { $0.entryId == entry.entryId }.count
                #expect(given == min(eligible, 1 + round % 3), "round \(round): \(entry.entryId)")
                #expect(assigned.understaffed.contains(entry.entryId) == (eligible < 1 + round % 3))
            }
        }
    }

    @Test func assigningAgainOnlyTopsUpWhatAConflictTookAway() {
        var random = SplitMix(state: 7)
        var state = state(entries: 4, jurors: 4, needed: 2, conflicts: false, random: &random)
        let first = JuryAssignment.assign(state)
        state = Festival.evolve(state, .jurorsAssigned(first))
        #expect(JuryAssignment.assign(state).assignments.isEmpty)
        let dropped = first.assignments[0]
        state = Festival.evolve(state, .conflictDeclared(FestivalConflictDeclared(jurorId: dropped.jurorId, entryId: dropped.entryId, reason: "تعارض")))
        let again = JuryAssignment.assign(state)
        #expect(again.assignments.count == 1)
        #expect(again.assignments[0].entryId == dropped.entryId && again.assignments[0].jurorId != dropped.jurorId)
    }
}
