/// Which awards an audit covers: one university's, one year's, or all.
public struct AuditScope: Codable, Hashable, Sendable {
    public let university: String?
    public let year: Int?

    public init(university: String? = nil, year: Int? = nil) {
        self.university = university
        self.year = year
    }

    /// Whether the awards stream of `university` and `year` is in scope.
    func covers(university: String, year: Int) -> Bool {
        (self.university == nil || self.university == university) && (self.year == nil || self.year == year)
    }
}

/// What an audit checked, in counts, and what it found.
public struct AuditReport: Codable, Hashable, Sendable {
    public let scope: AuditScope
    /// Events whose hashes were recomputed: the whole chain.
    public let eventsChecked: Int64
    /// Awards whose basis was recomputed from the log.
    public let awardsChecked: Int
    /// Of them: awaiting a second officer (not yet counting), and revoked.
    public let awaitingApproval: Int
    public let revoked: Int
    public let budgetLinesChecked: Int
    /// Announced festival lists selected again.
    public let festivalsChecked: Int
    public let findings: [AuditFinding]

    /// No finding.
    public var isClean: Bool { findings.isEmpty }
}
