/// A participant's part of the ledger as the fold holds it: their kind and university, and
/// their lines by academic year. Loaded whole from the tables (or new), so that every question
/// about a participant is answered in memory.
struct LedgerAccount {
    var kind: String?
    var university: String?
    var years: [Int: LedgerYear] = [:]
    /// Something here differs from the tables.
    var isDirty = false

    /// How many lines the account holds, in every year.
    var lineCount: Int { years.values.reduce(0) { $0 + $1.lines.count } }

    /// Where the line with `key` is, in whichever year it was earned.
    func find(_ key: String) -> (year: Int, index: Int)? {
        for (year, ledgerYear) in years {
            if let index = ledgerYear.lines.firstIndex(where: { $0.key == key }) { return (year, index) }
        }
        return nil
    }
}

/// One participant-year: its lines in position order, their sums, and the incentives reached.
struct LedgerYear {
    var lines: [LedgerLine] = []
    var total = 0.0
    var byRule: [String: Double] = [:]
    /// The incentives the total reaches, sorted, under `policyVersion`.
    var reached: [String] = []
    var policyVersion: String?
    /// What `ledger_totals` and `eligibility` hold for this participant-year.
    var stored = Stored()
    var isDirty = false

    struct Stored {
        var reached: [String] = []
        var policyVersion: String?
    }
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
/// incentives they reach.
struct UniversityYear {
    var points = 0.0
    var reached: [String] = []
    var policyVersion: String?
    var stored = LedgerYear.Stored()
    var isDirty = false
}
