/// A participant's part of the ledger as the fold holds it: their kind and university, and
/// their lines by academic year. Loaded whole from the tables (or new), so that every question
/// about a participant is answered in memory.
struct LedgerAccount {
    var kind: String?
    var university: String?
    var years: [Int: LedgerYear] = [:]
    /// The hashes of every held line's key: most facts are new, and a hash not in this set says
    /// so without comparing the key with every line. Whoever adds a line adds its key here
    /// (``noteKey(_:)``); a hash found here may still be another key's, so ``find(_:)`` searches.
    private var keyHashes: Set<Int> = []

    /// How many lines the account holds, in every year.
    var lineCount: Int { years.values.reduce(0) { $0 + $1.lines.count } }

    /// Records the key of a line being added to one of the years.
    mutating func noteKey(_ key: String) {
        keyHashes.insert(key.hashValue)
    }

    /// Where the line with `key` is, in whichever year it was earned.
    func find(_ key: String) -> (year: Int, index: Int)? {
        guard keyHashes.contains(key.hashValue) else { return nil }
        for (year, ledgerYear) in years {
            if let index = ledgerYear.lines.firstIndex(where: { $0.key == key }) { return (year, index) }
        }
        return nil
    }
}

/// One participant-year: its lines in position order, their sums, and the incentives its
/// eligibility rows name.
struct LedgerYear {
    var lines: [LedgerLine] = []
    var total = 0.0
    var byRule: [String: Double] = [:]
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
struct LedgerLine {
    let key: String
    var rule: String
    /// The participant's share of the credit: 1, or a co-author's share.
    var share: Double
    let position: Int64
    var retracted = false
    var points = 0.0
    var capped = false
    var policyVersion: String?
    /// Differs from its row in `ledger_lines` (or has none yet).
    var isDirty = true
}

/// A university's points in an academic year (the sum of its participants') and the deputy's
/// incentives its eligibility rows name.
struct UniversityYear {
    var points = 0.0
    var stored = StoredEligibility()
}
