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
