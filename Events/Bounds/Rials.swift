/// Amounts of money, in rials: what a budget line, a grant, a prize or a share may hold.
///
/// The ceiling is 10¹⁵ rials (a thousand trillion, far above any cultural budget of the
/// ministry) for two reasons: every amount up to it is exact in a JSON number (below 2⁵³), so a
/// payload reads back the amount that was typed; and a sum of nine thousand of them still fits in
/// an `Int64`. Sums go through ``sum(_:_:)`` all the same, so a crafted log that holds more can
/// never make a fold overflow.
public enum Rials {
    /// The largest amount any one value may hold: 10¹⁵ rials.
    public static let maximum: Int64 = 1_000_000_000_000_000

    /// Every amount an act may name: zero to ``maximum``.
    public static let range: ClosedRange<Int64> = 0...maximum

    /// `a + b`, or nil when it overflows: a refusal for a decider, a finding for a reader.
    public static func sum(_ a: Int64, _ b: Int64) -> Int64? {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : total
    }

    /// `a + b`, held at `Int64.max` (or `.min`) rather than overflowing: for a fold over events
    /// already in the log, where refusing is not possible and trapping is not allowed.
    public static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : total
    }
}
