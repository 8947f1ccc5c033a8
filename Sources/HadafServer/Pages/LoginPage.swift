/// The sign-in form; after a refusal, the login typed is kept and the reason shown beside it.
struct LoginPage: Sendable {
    static let template = "login"

    var login = ""
    /// Shown beside the login field.
    var loginError: String?
    /// Shown above the form (a throttled login, a session that ended).
    var formError: String?
}
