/// A participant's part of the ledger as the fold holds it: their kind and university, and
/// their lines by academic year. Loaded whole from the tables (or new), so that every question
/// about a participant is answered in memory.
struct LedgerAccount {
    var kind: String?
    var university: String?
    var years = LedgerYears()

    /// How many lines the account holds, in every year.
    var lineCount: Int { years.values.reduce(0) { $0 + $1.lines.count } }

    /// Where the line of the fact about `subject` in `family` is, in whichever year it was earned.
    func find(_ family: LedgerRule.Family, about subject: String) -> (year: Int, index: Int)? {
        // Compared by hash first: most facts are new, and their hash matches no line's.
        let hash = LedgerLine.hash(family, subject)
        for (year, ledgerYear) in years {
            if let index = ledgerYear.lines.firstIndex(where: { $0.factHash == hash && $0.rule.family == family && $0.subject == subject }) {
                return (year, index)
            }
        }
        return nil
    }
}

/// One participant-year: its lines in position order, their sums, and the incentives its
/// eligibility rows name.
struct LedgerYear {
    private(set) var lines: [LedgerLine] = []
    var total = 0.0
    var byRule = RuleTotals()
    /// The version of the policy that scored its scored lines: one for the whole year, since a
    /// policy adopted for the year scores every line of it again (``LedgerScoring``).
    var policyVersion: String?
    /// What `eligibility` holds for this participant-year; the incentives reached are settled
    /// against it at the flush.
    var stored = StoredEligibility()
    /// Differs from its rows (or has none yet).
    var isDirty = false

    /// The line at `index`, changed in place.
    subscript(index: Int) -> LedgerLine {
        get { lines[index] }
        set { lines[index] = newValue }
    }

    /// Adds a line at `index` (at the end by default), growing the lines by an eighth when
    /// they are full rather than doubling them: the audit holds every line of a national year,
    /// and doubling left a third of that memory unused.
    mutating func insert(_ line: LedgerLine, at index: Int? = nil) {
        if lines.count == lines.capacity { lines.reserveCapacity(lines.count + lines.count / 8 + 4) }
        lines.insert(line, at: index ?? lines.endIndex)
    }
}

/// The incentives that `eligibility` names for a participant-year, sorted, and the policy
/// version that reached them.
struct StoredEligibility {
    var reached: [String] = []
    var policyVersion: String?
}

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

/// A university's points in an academic year (the sum of its participants') and the deputy's
/// incentives its eligibility rows name.
struct UniversityYear {
    var points = 0.0
    var stored = StoredEligibility()
}
