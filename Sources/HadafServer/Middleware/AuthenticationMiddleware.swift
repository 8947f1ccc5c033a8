import HTTPTypes
import Hummingbird

/// Reads who is signed in: an API token (`Authorization: Bearer hadaf_…`) or a session cookie.
/// It refuses nothing itself; routes say what they need (``HadafRequestContext/requireAccount()``).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = HadafRequestContext
    let accounts: AccountStore

    static let sessionCookie = "hadaf_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            guard let account = try accounts.account(apiToken: String(authorization.dropFirst("Bearer ".count))) else { throw Problem.unauthenticated }
            context.identity = Identity(account: account, csrfToken: nil)
        } else if let token = request.cookies[Self.sessionCookie]?.value, let (account, csrf) = try accounts.session(token: token) {
            context.identity = Identity(account: account, csrfToken: csrf)
        }
        return try await next(request, context)
    }
}

extension HadafRequestContext {
    /// The signed-in account; 401 when there is none.
    func requireAccount() throws(Problem) -> Account {
        guard let identity else { throw .unauthenticated }
        return identity.account
    }

    /// The signed-in account, for a request that changes something: a session's request must
    /// carry its CSRF token (a form field or the `X-CSRF-Token` header); an API token needs none.
    func requireAccount(changing csrfToken: String?) throws(Problem) -> Account {
        guard let identity else { throw .unauthenticated }
        if let expected = identity.csrfToken {
            guard let csrfToken, Self.constantTimeEquals(csrfToken, expected) else { throw .csrfRejected }
        }
        return identity.account
    }

    private static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension HTTPField.Name {
    static let csrfToken = Self("X-CSRF-Token")!
    static let idempotencyKey = Self("Idempotency-Key")!
}
