/// A fact of participation and its score: what earned what (kept when retracted, so that a
/// restoration finds it), and the points the year's policy gives it in its place among the others.
///
/// Forty bytes: the audit holds every line of a national year at once, millions of them, so the
/// fact is its rule and subject (its key is made when written), the rule is a byte, the flags
/// share another, the share is in whole percent, and the policy version is the year's.
struct LedgerLine {
    /// What the fact is about within its rule's family (``LedgerRule/factKey(about:)``).
    let subject: String
    let position: Int64
    var points = 0.0
    /// ``hash(_:_:)`` of the fact, compared before the fact itself.
    let factHash: UInt32
    /// ``share`` in percent: shares are whole percentages (a co-author's, a prize's), and two
    /// bytes hold them where a `Double` took eight.
    private var sharePercent: UInt16
    var rule: LedgerRule
    private var flags = Flags.isDirty

    init(about subject: String, rule: LedgerRule, share: Double, position: Int64) {
        self.subject = subject
        self.rule = rule
        self.position = position
        sharePercent = Self.percent(share)
        factHash = Self.hash(rule.family, subject)
    }

    /// The participant's share of the credit: 1, or a co-author's share.
    var share: Double {
        get { Double(sharePercent) / 100 }
        set { sharePercent = Self.percent(newValue) }
    }

    private static func percent(_ share: Double) -> UInt16 {
        let percent = (share * 100).rounded()
        return percent.isFinite ? UInt16(max(0, min(percent, Double(UInt16.max)))) : 0
    }

    /// The key the tables name the fact by.
    var factKey: String { rule.factKey(about: subject) }

    /// Whether the line comes after a line at `position` with the key `factKey`: lines are in
    /// the order of their positions, then their keys.
    func comes(after position: Int64, _ factKey: @autoclosure () -> String) -> Bool {
        self.position > position || (self.position == position && self.factKey > factKey())
    }

    /// A fact's hash, cut to the 32 bits a line keeps (for this process only: Swift seeds it).
    static func hash(_ family: LedgerRule.Family, _ subject: String) -> UInt32 {
        var hasher = Hasher()
        hasher.combine(family)
        hasher.combine(subject)
        return UInt32(truncatingIfNeeded: hasher.finalize())
    }

    private struct Flags: OptionSet {
        let rawValue: UInt8
        static let retracted = Flags(rawValue: 1)
        static let capped = Flags(rawValue: 2)
        static let isScored = Flags(rawValue: 4)
        static let isDirty = Flags(rawValue: 8)
    }

    private func has(_ flag: Flags) -> Bool { flags.contains(flag) }

    private mutating func set(_ flag: Flags, _ value: Bool) {
        if value { flags.insert(flag) } else { flags.remove(flag) }
    }

    var retracted: Bool {
        get { has(.retracted) }
        set { set(.retracted, newValue) }
    }

    /// Its points were cut by a cap.
    var capped: Bool {
        get { has(.capped) }
        set { set(.capped, newValue) }
    }

    /// Scored under the year's policy (``LedgerYear/policyVersion``): not retracted, and the
    /// year had a policy and the participant a kind.
    var isScored: Bool {
        get { has(.isScored) }
        set { set(.isScored, newValue) }
    }

    /// Differs from its row in `ledger_lines` (or has none yet).
    var isDirty: Bool {
        get { has(.isDirty) }
        set { set(.isDirty, newValue) }
    }
}
