import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import NIOCore

/// Signing in and out: `POST /api/v1/session` (JSON), the sign-in page `GET /login` and its form
/// `POST /login`, `POST /logout` (a form) and `DELETE /api/v1/session`, `GET /api/v1/me`, and
/// `POST /api/v1/tokens` for scripts' API tokens, `GET /api/v1/tokens` to list one's own and
/// `DELETE /api/v1/tokens/{id}` to revoke one.
struct SessionRoutes {
    let accounts: AccountStore
    let throttle: LoginThrottle
    let passwords: PasswordChecker
    /// Whether cookies carry `Secure` (true in service; browsers accept it on 127.0.0.1 too).
    let secureCookies: Bool
    let pages: PageRenderer

    struct Credentials: Decodable {
        let login: String
        let password: String
    }

    /// Who is signed in, and the token their forms and JSON requests carry.
    struct SignedIn: Codable {
        let login: String
        let actorId: String
        let role: String
        let university: String?
        let csrfToken: String?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.post("/api/v1/session") { request, context in
            let credentials = try await request.decode(as: Credentials.self, context: context)
            let (account, cookie, csrf) = try await signIn(credentials.login, credentials.password, from: context.clientAddress)
            var headers = HTTPFields()
            headers[.setCookie] = cookie.description
            return try JSONResponse.make(SignedIn(account, csrfToken: csrf), status: .created, headers: headers)
        }
        router.get("/login") { _, context in
            guard context.identity == nil else { return Response(status: .seeOther, headers: [.location: "/"]) }
            return try pages.response(LoginPage.template, LoginPage())
        }
        router.post("/login") { request, context in
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let form = try FormFields(urlEncoded: String(buffer: body))
            do {
                let (_, cookie, _) = try await signIn(try form.required("login"), try form.required("password"), from: context.clientAddress)
                var headers = HTTPFields()
                headers[.setCookie] = cookie.description
                headers[.location] = "/"
                return Response(status: .seeOther, headers: headers)
            } catch let problem as Problem where request.prefersHTML {
                // A browser gets the form again, with what was typed and the reason beside it.
                var page = LoginPage(login: form["login"] ?? "")
                if problem.code == "auth.too_many_attempts" { page.formError = problem.persianMessage } else { page.loginError = problem.persianMessage }
                var response = try pages.response(LoginPage.template, page, status: problem.status)
                if let seconds = problem.retryAfter { response.headers[.retryAfter] = "\(seconds)" }
                return response
            }
        }
        router.post("/logout") { request, context in
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let form = try FormFields(urlEncoded: String(buffer: body))
            _ = try context.requireAccount(changing: form["csrfToken"])
            if let token = request.cookies[AuthenticationMiddleware.sessionCookie]?.value { try accounts.closeSession(token: token) }
            var headers = HTTPFields()
            headers[.setCookie] = sessionCookie("", maxAge: 0).description
            headers[.location] = "/login"
            return Response(status: .seeOther, headers: headers)
        }
        router.delete("/api/v1/session") { request, context in
            _ = try context.requireAccount(changing: request.headers[.csrfToken])
            if let token = request.cookies[AuthenticationMiddleware.sessionCookie]?.value { try accounts.closeSession(token: token) }
            var headers = HTTPFields()
            headers[.setCookie] = sessionCookie("", maxAge: 0).description
            return Response(status: .noContent, headers: headers)
        }
        router.get("/api/v1/me") { _, context in
            try JSONResponse.make(SignedIn(try context.requireAccount(), csrfToken: context.identity?.csrfToken))
        }
        router.post("/api/v1/tokens") { request, context in
            let account = try context.requireAccount(changing: request.headers[.csrfToken])
            let token = try accounts.issueAPIToken(for: account.login, label: String((request.headers[.userAgent] ?? "script").prefix(100)))
            return try JSONResponse.make(["token": token], status: .created)
        }
        router.get("/api/v1/tokens") { _, context in
            try JSONResponse.make(try accounts.apiTokens(of: try context.requireAccount().login).map(TokenListing.init))
        }
        router.delete("/api/v1/tokens/:id") { request, context in
            let account = try context.requireAccount(changing: request.headers[.csrfToken])
            guard try accounts.revokeAPIToken(try context.parameters.require("id"), of: account.login) else { throw Problem.tokenNotFound }
            return Response(status: .noContent)
        }
    }

    private func signIn(_ login: String, _ password: String, from address: String) async throws -> (Account, Cookie, String) {
        if let seconds = await throttle.retryAfter(login, from: address) { throw Problem.tooManyAttempts(retryAfter: seconds) }
        let accounts = accounts
        guard let account = try await passwords.run({ try accounts.authenticate(login: login, password: password) }) else {
            await throttle.recordFailure(login, from: address)
            throw Problem.badCredentials
        }
        await throttle.recordSuccess(login, from: address)
        let session = try accounts.openSession(for: account)
        return (account, sessionCookie(session.token, maxAge: Int(AccountStore.sessionLifetime)), session.csrfToken)
    }

    private func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: AuthenticationMiddleware.sessionCookie, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }
}

extension SessionRoutes {
    /// An API token in the owner's list, its creation time in ISO 8601.
    struct TokenListing: Encodable {
        let id: String
        let label: String
        let createdAt: String

        init(_ token: AccountStore.APITokenSummary) {
            id = token.id
            label = token.label
            createdAt = token.createdAt.formatted(.iso8601)
        }
    }
}

extension SessionRoutes.SignedIn {
    init(_ account: Account, csrfToken: String?) {
        self.init(login: account.login, actorId: account.actor.id, role: account.actor.role.rawValue, university: account.university, csrfToken: csrfToken)
    }
}
