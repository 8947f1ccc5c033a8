/// A participant-year's points by rule, which the rules' caps are measured against: the few
/// rules a participant earns under, in an array that grows by one. A dictionary took about 135
/// bytes of heap for each of a national year's 400,000 participant-years; this takes 16 a rule.
struct RuleTotals {
    private var totals: [(rule: LedgerRule, points: Double)] = []

    /// The points earned under `rule`, 0 for none.
    subscript(rule: LedgerRule) -> Double {
        get { totals.first { $0.rule == rule }?.points ?? 0 }
        set {
            if let index = totals.firstIndex(where: { $0.rule == rule }) {
                totals[index].points = newValue
            } else {
                totals.reserveCapacity(totals.count + 1)
                totals.append((rule, newValue))
            }
        }
    }
}
