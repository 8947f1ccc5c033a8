/// A regulation's text: numbered articles, each with its notes (تبصره).
public struct RegulationArticle: Codable, Hashable, Sendable {
    /// The article's number, from 1.
    public var number: Int
    public var text: String
    /// The notes (تبصره) of the article, in order.
    public var notes: [String]

    public init(number: Int, text: String, notes: [String] = []) {
        self.number = number
        self.text = text
        self.notes = notes
    }
}

/// What kind of text a regulation is.
public enum RegulationKind: String, Codable, Hashable, Sendable {
    /// آیین‌نامه
    case regulation
    /// شیوه‌نامه
    case procedure
}

/// The officer's answer to an amendment proposal.
public enum ProposalVerdict: String, Codable, Hashable, Sendable {
    case adopted
    case partlyAdopted = "partly_adopted"
    case rejected

    /// Whether the next version carries the proposal (wholly or in part).
    public var isCarried: Bool { self != .rejected }
}
