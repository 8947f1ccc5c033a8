import HadafEvents
import Participation

/// The signed-in account as the layout shows it: its role in Persian, and the CSRF token its
/// sign-out form carries.
struct PageAccount: Sendable {
    let displayRole: String
    let csrfToken: String

    init(_ account: Account, csrfToken: String?) {
        displayRole = account.actor.role.persianName
        self.csrfToken = csrfToken ?? ""
    }
}
