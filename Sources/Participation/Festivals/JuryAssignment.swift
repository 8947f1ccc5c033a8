import HadafEvents

/// A balanced greedy assignment of jurors to entries.
///
/// Each entry gets jurors until it has its category's minimum of scores, the entries with the
/// fewest eligible jurors first (they have the least choice), each time from the eligible
/// jurors with the lightest load (ties by id, so the result is deterministic). Without
/// conflicts the loads differ by at most one; with conflicts an entry that cannot be staffed is
/// reported rather than given an ineligible juror.
public enum JuryAssignment {
    /// The assignments to add to `state`'s, and the entries left short.
    public static func assign(_ state: Festival.State) -> FestivalJurorsAssigned {
        guard let festival = state.opened else { return FestivalJurorsAssigned(assignments: [], understaffed: []) }
        let jurors = state.jurorSections.keys.sorted()
        var load: [String: Int] = Dictionary(uniqueKeysWithValues: jurors.map { ($0, 0) })
        var current: [String: Set<String>] = [:]
        for pair in state.assignments where state.entries[pair.entryId] != nil && !state.withdrawn.contains(pair.entryId) {
            load[pair.jurorId, default: 0] += 1
            current[pair.entryId, default: []].insert(pair.jurorId)
        }
        let candidates = state.activeEntries.map { entry in
            (entry: entry, eligible: jurors.filter { state.mayJudge($0, entry) && current[entry.entryId]?.contains($0) != true })
        }
        var added: [JurorAssignment] = []
        var understaffed: [String] = []
        for candidate in candidates.sorted(by: { ($0.eligible.count, $0.entry.entryId) < ($1.eligible.count, $1.entry.entryId) }) {
            let needed = (festival.category(candidate.entry.categoryId)?.category.minimumScores ?? 0) - (current[candidate.entry.entryId]?.count ?? 0)
            guard needed > 0 else { continue }
            let chosen = candidate.eligible.sorted { (load[$0]!, $0) < (load[$1]!, $1) }.prefix(needed)
            for juror in chosen {
                load[juror]! += 1
                added.append(JurorAssignment(entryId: candidate.entry.entryId, jurorId: juror))
            }
            if chosen.count < needed { understaffed.append(candidate.entry.entryId) }
        }
        return FestivalJurorsAssigned(
            assignments: added.sorted { ($0.entryId, $0.jurorId) < ($1.entryId, $1.jurorId) }, understaffed: understaffed.sorted())
    }
}
