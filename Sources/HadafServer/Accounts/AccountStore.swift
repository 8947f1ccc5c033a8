import Crypto
import EventStore
import Foundation
import GRDB
import HadafEvents
import HummingbirdBcrypt

/// Accounts, sessions and API tokens, in their own SQLite file beside the log
/// (`hadaf.accounts.sqlite`).
///
/// Credentials are not events: a password hash must be replaceable and a session forgotten,
/// and the log is append-only and audited. What a person *does* is in the log, under their
/// actor id; who may sign in as that actor is here. Passwords are stored as bcrypt hashes;
/// session and API tokens as SHA-256 digests, so a copy of this file signs no one in.
public final class AccountStore: Sendable {
    private let queue: DatabaseQueue
    /// A random secret kept in this file, which keys the scope of each account's idempotency
    /// keys (``Account/idempotencyKey(_:)``).
    private let secret: SymmetricKey
    /// The bcrypt cost for new passwords: 12 in service, lower in tests.
    private let bcryptCost: UInt8
    /// How long a session lasts without being renewed by a new sign-in.
    public static let sessionLifetime: TimeInterval = 8 * 3600

    /// Opens (creating when missing) the account file at `path`.
    public init(path: String, bcryptCost: UInt8 = 12) throws(AccountError) {
        self.bcryptCost = bcryptCost
        do {
            let queue = try DatabaseQueue(path: path)
            // Every signed-in request reads this file: in WAL mode a read makes fewer system calls
            // (no file lock and no journal check of its own).
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            secret = try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS accounts (
                        login TEXT PRIMARY KEY NOT NULL, password_hash TEXT NOT NULL, actor_id TEXT NOT NULL,
                        role TEXT NOT NULL, university TEXT, created_at INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS sessions (
                        token_hash TEXT PRIMARY KEY NOT NULL, login TEXT NOT NULL REFERENCES accounts(login),
                        csrf_token TEXT NOT NULL, expires_at INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS api_tokens (
                        token_hash TEXT PRIMARY KEY NOT NULL, login TEXT NOT NULL REFERENCES accounts(login),
                        label TEXT NOT NULL, created_at INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL);
                    """)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO secrets (name, value) VALUES ('idempotency', ?)",
                    arguments: [SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }])
                return SymmetricKey(data: try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = 'idempotency'") ?? Data())
            }
            self.queue = queue
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// Removes every account acting as `actorId`, with its sessions and API tokens, and
    /// returns how many accounts went. The rows' bytes are overwritten (`secure_delete`) and
    /// the write-ahead log checkpointed and truncated, so that the login (often an e-mail
    /// address) is left in neither file.
    public func removeAccounts(actingAs actorId: String) throws(AccountError) -> Int {
        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                var removed = 0
                try db.inTransaction {
                    let logins = try String.fetchAll(db, sql: "SELECT login FROM accounts WHERE actor_id = ?", arguments: [actorId])
                    for login in logins {
                        try db.execute(sql: "DELETE FROM sessions WHERE login = ?", arguments: [login])
                        try db.execute(sql: "DELETE FROM api_tokens WHERE login = ?", arguments: [login])
                        try db.execute(sql: "DELETE FROM accounts WHERE login = ?", arguments: [login])
                    }
                    removed = logins.count
                    return .commit
                }
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return removed
            }
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// The account file's usual place: beside the log, named after it.
    public static func path(besideLog logPath: String) -> String {
        let url = URL(fileURLWithPath: logPath)
        return url.deletingPathExtension().path + ".accounts.sqlite"
    }

    // MARK: - Accounts

    /// Adds an account; refuses a login already taken.
    public func add(_ account: Account, password: String) throws(AccountError) {
        guard !account.login.isEmpty, account.login.count <= 100 else { throw .loginInvalid }
        guard password.count >= 10 else { throw .passwordTooShort }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        do {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO accounts (login, password_hash, actor_id, role, university, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [account.login, hash, account.actor.id, account.actor.role.rawValue, account.university, Self.day(of: Date())])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw .loginTaken(account.login)
        } catch {
            throw .storage(String(describing: error))
        }
    }

    /// The account whose password this is, or nil; the same time is spent whether the login
    /// exists or not, so a failure does not tell which.
    public func authenticate(login: String, password: String) throws(AccountError) -> Account? {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT login, password_hash, actor_id, role, university FROM accounts WHERE login = ?", arguments: [login])
        }
        guard let row else {
            _ = Bcrypt.verify(password, hash: Self.decoyHash)
            return nil
        }
        guard Bcrypt.verify(password, hash: row["password_hash"]) else { return nil }
        return account(row)
    }

    /// Whether any account exists (a new database has none until the demo or an officer adds them).
    public var isEmpty: Bool {
        get throws(AccountError) { try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts") ?? 0 } == 0 }
    }

    // MARK: - Sessions

    /// A new session: the token for the cookie and the CSRF token its forms carry.
    public func openSession(for account: Account) throws(AccountError) -> (token: String, csrfToken: String) {
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        // To the next whole hour: a session's row must not time a person's visit to the second,
        // which linked anonymous answers to their respondents (docs/participation.md).
        let expires = (Int64(Date().addingTimeInterval(Self.sessionLifetime).timeIntervalSince1970) / 3600 + 1) * 3600
        try write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [Int64(Date().timeIntervalSince1970)])
            try db.execute(sql: "INSERT INTO sessions (token_hash, login, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [Self.digest(token), account.login, csrf, expires])
        }
        return (token, csrf)
    }

    /// The account and CSRF token of a live session.
    public func session(token: String) throws(AccountError) -> (account: Account, csrfToken: String)? {
        let row = try lookUp { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT a.login, a.actor_id, a.role, a.university, s.csrf_token FROM sessions s JOIN accounts a ON a.login = s.login
                WHERE s.token_hash = ? AND s.expires_at >= ?
                """), arguments: [Self.digest(token), Int64(Date().timeIntervalSince1970)])
        }
        guard let row, let account = self.account(row) else { return nil }
        return (account, row["csrf_token"])
    }

    /// Ends a session.
    public func closeSession(token: String) throws(AccountError) {
        try write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [Self.digest(token)]) }
    }

    // MARK: - API tokens

    /// A new API token for scripts acting as `login`; shown once, stored only as its digest.
    /// How many API tokens one account may hold at once: scripts need a few, and an unbounded
    /// number (806 after one fuzz run) is a table that grows at a stranger's pace.
    public static let maximumAPITokens = 20

    public func issueAPIToken(for login: String, label: String) throws(AccountError) -> String {
        let token = "hadaf_" + Self.randomToken()
        do {
            try queue.write { db in
                let held = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_tokens WHERE login = ?", arguments: [login]) ?? 0
                guard held < Self.maximumAPITokens else { throw AccountError.tooManyTokens(limit: Self.maximumAPITokens) }
                try db.execute(sql: "INSERT INTO api_tokens (token_hash, login, label, created_at) VALUES (?, ?, ?, ?)",
                               arguments: [Self.digest(token), login, label, Self.day(of: Date())])
            }
        } catch let error as AccountError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw .unknownLogin(login)
        } catch {
            throw .storage(String(describing: error))
        }
        return token
    }

    /// An API token as its owner sees it in a list: never the token itself, which is shown once
    /// and stored only as its digest.
    public struct APITokenSummary: Sendable, Hashable {
        /// The first 16 hexadecimal digits of the token's digest: how it is named to revoke it.
        public let id: String
        /// What created it (the client's `User-Agent`).
        public let label: String
        public let createdAt: Date
    }

    /// The API tokens of `login`, oldest first.
    public func apiTokens(of login: String) throws(AccountError) -> [APITokenSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT token_hash, label, created_at FROM api_tokens WHERE login = ? ORDER BY created_at, token_hash", arguments: [login])
                .map { row in
                    APITokenSummary(id: String((row[0] as String).prefix(Self.tokenIdLength)), label: row[1],
                                    createdAt: Date(timeIntervalSince1970: TimeInterval(row[2] as Int64)))
                }
        }
    }

    /// Revokes the API token of `login` that `id` names; false when `login` has none by that id.
    /// A revoked token signs no one in from its next request on.
    public func revokeAPIToken(_ id: String, of login: String) throws(AccountError) -> Bool {
        let isDigestPrefix = id.utf8.count == Self.tokenIdLength && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        guard isDigestPrefix else { return false }
        return try write { db in
            try db.execute(sql: "DELETE FROM api_tokens WHERE login = ? AND substr(token_hash, 1, ?) = ?", arguments: [login, Self.tokenIdLength, id])
            return db.changesCount > 0
        }
    }

    private static let tokenIdLength = 16

    /// The account an API token acts for.
    public func account(apiToken: String) throws(AccountError) -> Account? {
        try lookUp { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT a.login, a.actor_id, a.role, a.university FROM api_tokens t JOIN accounts a ON a.login = t.login WHERE t.token_hash = ?
                """), arguments: [Self.digest(apiToken)]).flatMap { self.account($0) }
        }
    }

    // MARK: - Helpers

    private func read<T>(_ body: (Database) throws -> T) throws(AccountError) -> T {
        do { return try queue.read(body) } catch { throw .storage(String(describing: error)) }
    }

    /// One prepared statement, outside a transaction: every request that signs in reads this
    /// way, and a single SELECT is consistent on its own.
    private func lookUp<T>(_ body: (Database) throws -> T) throws(AccountError) -> T {
        do { return try queue.inDatabase(body) } catch { throw .storage(String(describing: error)) }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(AccountError) -> T {
        do { return try queue.write(body) } catch { throw .storage(String(describing: error)) }
    }

    private func account(_ row: Row) -> Account? {
        guard let role = Actor.Role(rawValue: row["role"]) else { return nil }
        var account = Account(login: row["login"], actor: Actor(id: row["actor_id"], role: role), university: row["university"])
        account.idempotencyScope = Data(HMAC<SHA256>.authenticationCode(for: Data(account.actor.id.utf8), using: secret)).hexString
        return account
    }

    /// The first second of the UTC day of `date`: how this file times what it records, no finer
    /// than the day, so that it does not time a person's visit.
    static func day(of date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970) / 86_400 * 86_400
    }

    /// A new random password of 16 characters, for an operator to hand over.
    public static func newPassword() -> String {
        String(randomToken().prefix(16))
    }

    /// 32 random bytes, base64url: safe in a cookie, a header and a form field.
    static func randomToken() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The token's SHA-256, in lowercase hexadecimal.
    static func digest(_ token: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A hash to verify against when the login is unknown, so both paths cost one bcrypt check.
    private static let decoyHash = Bcrypt.hash("decoy-password", cost: 12)
}
