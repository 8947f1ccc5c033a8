/// A participant's part of the ledger as the fold holds it: their kind and university, and
/// their lines by academic year. Loaded whole from the tables (or new), so that every question
/// about a participant is answered in memory.
struct LedgerAccount {
    var kind: String?
    var university: String?
    var years = LedgerYears()
    /// Changed since the book last wrote it, and named in the book's list of such accounts.
    var isUnwritten = false

    /// How many lines the account holds, in every year.
    var lineCount: Int { years.lineCount }

    /// Where the line of the fact about `subject` in `family` is, in whichever year it was earned.
    func find(_ family: LedgerRule.Family, about subject: String) -> (year: Int, index: Int)? {
        // Compared by hash first: most facts are new, and their hash matches no line's.
        let hash = LedgerLine.hash(family, subject)
        return years.firstLine(mayHold: hash) { $0.factHash == hash && $0.rule.family == family && $0.subject == subject }
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
    /// One bit for each line's fact, chosen by its hash: a fact whose bit is clear has no line
    /// here, so that the search for it (most facts are new) need not read the lines.
    private var factBits: UInt64 = 0

    /// The line at `index`, changed in place.
    subscript(index: Int) -> LedgerLine {
        get { lines[index] }
        set {
            lines[index] = newValue
            factBits |= Self.bit(newValue.factHash)
        }
    }

    /// False when no line here is of the fact with this ``LedgerLine/hash(_:_:)``; true when
    /// one may be.
    func mayHold(_ factHash: UInt32) -> Bool {
        factBits & Self.bit(factHash) != 0
    }

    private static func bit(_ factHash: UInt32) -> UInt64 {
        1 << UInt64(factHash & 63)
    }

    /// Takes out the line at `index`; its fact's bit stays set (``mayHold(_:)`` may then answer
    /// true for a fact no longer here, which only costs a look).
    mutating func remove(at index: Int) {
        lines.remove(at: index)
        isDirty = true
    }

    /// Adds a line at `index` (at the end by default), growing the lines by an eighth when
    /// they are full rather than doubling them: the audit holds every line of a national year,
    /// and doubling left a third of that memory unused.
    mutating func insert(_ line: LedgerLine, at index: Int? = nil) {
        if lines.count == lines.capacity { lines.reserveCapacity(lines.count + lines.count / 8 + 4) }
        lines.insert(line, at: index ?? lines.endIndex)
        factBits |= Self.bit(line.factHash)
    }
}

/// The incentives that `eligibility` names for a participant-year, sorted, and the policy
/// version that reached them.
struct StoredEligibility {
    var reached: [String] = []
    var policyVersion: String?
}

/// A university's points in an academic year (the sum of its participants') and the deputy's
/// incentives its eligibility rows name.
struct UniversityYear {
    var points = 0.0
    var stored = StoredEligibility()
    /// Moved since the book last wrote it, and named in the book's list of such years.
    var isChanged = false
}
