/// A participant's part of the ledger as the fold holds it: their kind and university, and
/// their lines by academic year. Loaded whole from the tables (or new), so that every question
/// about a participant is answered in memory.
struct LedgerAccount {
    var kind: String?
    var university: String?
    var years: [Int: LedgerYear] = [:]

    /// How many lines the account holds, in every year.
    var lineCount: Int { years.values.reduce(0) { $0 + $1.lines.count } }

    /// Where the line with `key` is, in whichever year it was earned.
    func find(_ key: String) -> (year: Int, index: Int)? {
        // Compared by hash first: most facts are new, and their hash matches no line's.
        let hash = LedgerLine.hash(of: key)
        for (year, ledgerYear) in years {
            if let index = ledgerYear.lines.firstIndex(where: { $0.keyHash == hash && $0.key == key }) { return (year, index) }
        }
        return nil
    }
}

/// One participant-year: its lines in position order, their sums, and the incentives its
/// eligibility rows name.
struct LedgerYear {
    var lines: [LedgerLine] = []
    var total = 0.0
    var byRule: [LedgerRule: Double] = [:]
    /// What `eligibility` holds for this participant-year; the incentives reached are settled
    /// against it at the flush.
    var stored = StoredEligibility()
    /// Differs from its rows (or has none yet).
    var isDirty = false
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
/// Sixty-four bytes: a national ledger holds millions of lines, all in memory while the audit
/// folds it, so the rule is a byte and the key's hash fills what would be padding.
struct LedgerLine {
    let key: String
    var policyVersion: String?
    let position: Int64
    var points = 0.0
    /// The participant's share of the credit: 1, or a co-author's share.
    var share: Double
    /// ``hash(of:)`` of `key`, compared before the key itself.
    let keyHash: UInt32
    var rule: LedgerRule
    var retracted = false
    var capped = false
    /// Differs from its row in `ledger_lines` (or has none yet).
    var isDirty = true

    init(key: String, rule: LedgerRule, share: Double, position: Int64) {
        self.key = key
        self.rule = rule
        self.share = share
        self.position = position
        keyHash = Self.hash(of: key)
    }

    /// A key's hash, cut to the 32 bits a line keeps (for this process only: Swift seeds it).
    static func hash(of key: String) -> UInt32 { UInt32(truncatingIfNeeded: key.hashValue) }
}

/// A university's points in an academic year (the sum of its participants') and the deputy's
/// incentives its eligibility rows name.
struct UniversityYear {
    var points = 0.0
    var stored = StoredEligibility()
}
