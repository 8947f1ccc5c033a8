import HadafEvents

/// What issuing an award asks of the read side (HadafProjections): a holder's standing in the
/// ledger. Whoever runs commands with the read model at hand (the CLI, the server) supplies it,
/// so that the layers depend one way.
public protocol AwardReadSide: Sendable {
    /// The standing of a participant, `group:<id>` or `university:<code>` in the year starting
    /// `year`, as the ledger has folded it.
    func standing(of holder: String, year: Int) throws(DomainError) -> LedgerStanding
}
