import HadafEvents

/// How a year's policy scores a participant-year's lines: in position order, each rule's points
/// by participant kind times the share, cut by the rule's cap and the total cap, to two decimals.
/// Pure functions over ``LedgerYear``, so that scoring is the same whether a line is added at
/// the end or the whole year is scored again.
enum LedgerScoring {
    /// What a fact earns given what the participant-year already holds.
    static func points(schedule: LedgerSchedule, rule: LedgerRule, share: Double, ruleTotal: Double, total: Double) -> (points: Double, capped: Bool) {
        let earned = schedule.points(for: rule) * share
        let room = min(schedule.cap(for: rule) - ruleTotal, schedule.totalCap - total)
        let points = (min(earned, max(0, room)) * 100).rounded() / 100
        return (points, points < earned)
    }

    /// Adds a line after every other line of the year and scores it from the sums: exactly what
    /// scoring the whole year again would give it. `schedule` is nil when the year has no policy
    /// or the participant no kind: nothing is scored.
    static func append(_ line: LedgerLine, to year: inout LedgerYear, schedule: LedgerSchedule?) {
        // The year's lines were scored under another policy: all of them are scored again.
        guard year.policyVersion == schedule?.version || !year.lines.contains(where: \.isScored) else {
            year.insert(line)
            rescore(&year, schedule: schedule)
            return
        }
        var line = line
        score(&line, total: &year.total, byRule: &year.byRule, schedule: schedule)
        year.insert(line)
        year.policyVersion = schedule?.version
        year.isDirty = true
    }

    /// Scores every line of the year again, from the first; marks those whose score changed
    /// (every scored line, when the policy is another than the one that scored them).
    static func rescore(_ year: inout LedgerYear, schedule: LedgerSchedule?) {
        let versionChanged = year.policyVersion != schedule?.version
        var total = 0.0
        var byRule = RuleTotals()
        for index in year.lines.indices {
            var line = year[index]
            score(&line, total: &total, byRule: &byRule, schedule: schedule)
            let before = year[index]
            if line.points != before.points || line.capped != before.capped || line.isScored != before.isScored || (line.isScored && versionChanged) {
                line.isDirty = true
            }
            year[index] = line
        }
        year.total = total
        year.byRule = byRule
        year.policyVersion = schedule?.version
        year.isDirty = true
    }

    /// The incentives of `kind` whose threshold `total` meets, sorted.
    static func reached(policy: IncentivePolicy?, kind: String?, total: Double) -> [String] {
        guard let policy, let kind else { return [] }
        return policy.thresholds.filter { $0.value.kinds.contains(kind) && total >= $0.value.minimumPoints }.keys.sorted()
    }

    private static func score(_ line: inout LedgerLine, total: inout Double, byRule: inout RuleTotals, schedule: LedgerSchedule?) {
        guard !line.retracted, let schedule else {
            line.points = 0
            line.capped = false
            line.isScored = false
            return
        }
        let scored = points(schedule: schedule, rule: line.rule, share: line.share, ruleTotal: byRule[line.rule], total: total)
        line.points = scored.points
        line.capped = scored.capped
        line.isScored = true
        byRule[line.rule] += scored.points
        total += scored.points
    }
}
