import Foundation

/// What an erasure also ends beside the log. The log destroys the person's key, so the personal
/// data sealed in its events can never be read again; these files hold the person in the clear
/// and go too:
///
/// - every account that acts as them, with its sessions and API tokens (a login is often an
///   e-mail address): nobody signs in as an erased person;
/// - the files only they uploaded (a certificate scan carries a name, a national code, an
///   e-mail), with their quota rows. A file someone else also uploaded stays theirs.
///
/// Run after `participant.erase` by the command API and by `hadaf exec`; running it again finds
/// nothing more to do.
public struct ErasureSweep: Sendable {
    let accounts: AccountStore
    let attachments: AttachmentStore

    public init(accounts: AccountStore, attachments: AttachmentStore) {
        self.accounts = accounts
        self.attachments = attachments
    }

    /// What was removed.
    public struct Outcome: Hashable, Sendable {
        public let accounts: Int
        public let files: Int
    }

    /// Removes what the files beside the log hold of `participant`.
    @discardableResult
    public func sweep(participant: String) throws -> Outcome {
        let accounts = try self.accounts.removeAccounts(actingAs: participant)
        let files = try attachments.forget(actorId: participant)
        return Outcome(accounts: accounts, files: files)
    }
}
