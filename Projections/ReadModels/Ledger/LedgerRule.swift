import HadafEvents

/// A kind of participation the policy scores (``IncentivePolicy/ruleIds``), held by a ledger
/// line as one byte: a national ledger holds millions of lines, and a rule id as a string took
/// sixteen bytes of each (and a heap allocation for the longer ids).
enum LedgerRule: String, CaseIterable, Sendable {
    case surveyAnswered = "survey.answered"
    case regulationComment = "regulation.comment"
    case amendmentProposed = "regulation.amendment_proposed"
    case amendmentAdopted = "regulation.amendment_adopted"
    case amendmentPartlyAdopted = "regulation.amendment_partly_adopted"
    case endorsementReceived = "endorsement.received"
    case ideaSubmitted = "idea.submitted"
    case ideaAccepted = "idea.accepted"
    case experienceAccepted = "experience.accepted"
    case festivalWinner = "festival.winner"
}

extension LedgerRule {
    /// The rule the ledger's tables name, or an error for an id no version of the ledger wrote.
    init(stored id: String) throws(ProjectionError) {
        guard let rule = LedgerRule(rawValue: id) else { throw .readModel("the ledger names an unknown rule '\(id)'") }
        self = rule
    }
}

extension LedgerRule {
    /// Facts of one family about one subject are one fact, whatever their rule: an amendment
    /// adopted, then partly adopted, is one adoption. A line holds its subject and its rule, not
    /// its key: most subjects fit in a string's sixteen inline bytes, and most keys did not.
    enum Family: UInt8 {
        case survey, contribution, adoption, endorsement, ideaSubmitted, ideaAccepted, experienceAccepted, festival
    }

    var family: Family {
        switch self {
        case .surveyAnswered: .survey
        case .regulationComment, .amendmentProposed: .contribution
        case .amendmentAdopted, .amendmentPartlyAdopted: .adoption
        case .endorsementReceived: .endorsement
        case .ideaSubmitted: .ideaSubmitted
        case .ideaAccepted: .ideaAccepted
        case .experienceAccepted: .experienceAccepted
        case .festivalWinner: .festival
        }
    }

    /// Whether facts under this rule are credited for a submission (to each of its authors).
    var creditsASubmission: Bool { [.ideaSubmitted, .ideaAccepted, .experienceAccepted].contains(family) }

    /// The key by which the ledger's tables name the fact about `subject` under this rule:
    /// `survey:<survey>`, `contribution:<regulation>/<contribution>`, `adoption:<regulation>/<proposal>`,
    /// `endorsement:<regulation>/<proposal>:<endorser>`, `submission:<submission>:<rule>` or
    /// `festival:<festival>:<entry>`.
    func factKey(about subject: String) -> String {
        switch family {
        case .survey: "survey:\(subject)"
        case .contribution: "contribution:\(subject)"
        case .adoption: "adoption:\(subject)"
        case .endorsement: "endorsement:\(subject)"
        case .ideaSubmitted, .ideaAccepted, .experienceAccepted: "submission:\(subject):\(rawValue)"
        case .festival: "festival:\(subject)"
        }
    }

    /// The subject of a fact key the tables hold under this rule (the inverse of
    /// ``factKey(about:)``), or an error for a key of another form.
    func subject(ofFactKey key: String) throws(ProjectionError) -> String {
        let form = factKey(about: "\u{0}")
        let parts = form.split(separator: "\u{0}", omittingEmptySubsequences: false)
        guard parts.count == 2, key.hasPrefix(parts[0]), key.hasSuffix(parts[1]), key.count >= form.count - 1 else {
            throw .readModel("the ledger's fact key '\(key)' is not of the form of a \(rawValue) fact")
        }
        return String(key.dropFirst(parts[0].count).dropLast(parts[1].count))
    }
}
