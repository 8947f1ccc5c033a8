import HadafEvents

/// Someone who signs in: a login, the actor they act as (a participant's id and role, or an
/// officer's), and the university that scopes a deputy officer (and is a participant's own).
public struct Account: Hashable, Sendable, Codable {
    public let login: String
    public let actor: Actor
    /// For a university deputy officer, the only university they see and act on.
    public let university: String?

    public init(login: String, actor: Actor, university: String?) {
        self.login = login
        self.actor = actor
        self.university = university
    }

    /// A client's idempotency key as the log keeps it: prefixed with the login, so that two
    /// accounts' keys never meet.
    func idempotencyKey(_ clientKey: String) -> String {
        "\(login):\(clientKey)"
    }
}
