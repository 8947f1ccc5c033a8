import Crypto
import EventStore
import Foundation
import HadafEvents

/// Someone who signs in: a login, the actor they act as (a participant's id and role, or an
/// officer's), and the university that scopes a deputy officer (and is a participant's own).
public struct Account: Hashable, Sendable, Codable {
    public let login: String
    public let actor: Actor
    /// For a university deputy officer, the only university they see and act on.
    public let university: String?

    /// A digest of the actor id keyed by the account file's secret (``AccountStore``): the
    /// scope of the account's idempotency keys. Set by the store that read the account.
    var idempotencyScope = ""

    private enum CodingKeys: String, CodingKey { case login, actor, university }

    public init(login: String, actor: Actor, university: String?) {
        self.login = login
        self.actor = actor
        self.university = university
    }

    /// A client's idempotency key as the log keeps it, in every event's metadata for good: a
    /// keyed digest of the actor and the client's key, so that two actors' keys never meet and
    /// the log names no login, no e-mail and nothing a client typed. Without the account file's
    /// secret, a key cannot be tied to a person by guessing.
    func idempotencyKey(_ clientKey: String) -> String {
        let digest = SHA256.hash(data: Data("\(idempotencyScope)\n\(actor.id)\n\(clientKey)".utf8))
        return "key-" + Data(digest.prefix(16)).hexString
    }
}
