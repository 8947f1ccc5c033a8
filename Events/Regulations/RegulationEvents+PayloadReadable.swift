import EventStore

extension ArticleContributed: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            contributionId: try payload.string("contributionId"), kind: try payload.value(Kind.self, "kind"),
            round: try payload.int("round"), article: try payload.int("article"), author: try payload.string("author"),
            text: try payload.string("text"), rationale: try payload.optionalString("rationale"), isRevision: try payload.bool("isRevision"))
    }
}

extension ContributionWithdrawn: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(contributionId: try payload.string("contributionId"))
    }
}

extension ProposalEndorsed: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(proposalId: try payload.string("proposalId"), endorser: try payload.string("endorser"))
    }
}

extension ProposalAnswered: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(proposalId: try payload.string("proposalId"), verdict: try payload.value(ProposalVerdict.self, "verdict"), reason: try payload.string("reason"))
    }
}
