import EventStore
import HadafEvents
import Participation

/// How pages and certificates name what the log names by code: a university by its Persian
/// name, and an award's recipient as people know them (a participant's name, or that it was
/// erased; a student group; a university's cultural deputy).
struct DisplayNames: Sendable {
    let store: EventStore

    /// The university's Persian name, or its code when it is not registered.
    func university(_ code: String) throws(DomainError) -> String {
        try CommandHandler<University>(store: store).load(University.stream(code: code)).state.registered?.name ?? code
    }

    /// A participant id, `group:<id>`, `university:<code>` or `deputy:<code>`, named; the
    /// university's name is the one a deputy's office is named after.
    func recipient(_ recipient: String, universityName: String) throws(DomainError) -> String {
        if recipient.hasPrefix("university:") || recipient.hasPrefix("deputy:") { return "معاونت فرهنگی و اجتماعی \(universityName)" }
        if recipient.hasPrefix("group:") { return "تشکل دانشجویی \(recipient.dropFirst("group:".count))" }
        return try ParticipantRegistry(store: store).profile(recipient)?.personal?.displayName ?? "(نام پاک شده است)"
    }
}
