extension FestivalPrizeAwarded {
    /// What `recipient` receives of the prize in rials: their share of it as an author (a
    /// participant id, or `group:<id>`), or all of it as the deputy (`deputy:<code>`) of the
    /// winning university; nil when the prize is not theirs.
    public func share(of recipient: String) -> Int64? {
        if let university, recipient == "deputy:\(university)" { return prize.rials }
        guard let author = recipients.first(where: { "\($0.kind == .studentGroup ? "group:" : "")\($0.id)" == recipient }) else { return nil }
        // Checked: a share read from a crafted log may be anything.
        let (product, overflow) = prize.rials.multipliedReportingOverflow(by: Int64(author.share))
        return overflow ? nil : product / 100
    }
}
