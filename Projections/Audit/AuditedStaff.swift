import EventStore
import HadafEvents

/// Who may act on awards, budgets and policies, as the log shows it at the moment of each act,
/// never as the accounts file or the event's own payload says.
///
/// - The actor is the one the event's metadata records; a payload that names someone else as
///   issuer or approver is a finding.
/// - A university deputy officer acts only for the university their registration in the log
///   gives (`participant.registered` with that kind), registered before the act, not erased
///   before it, and registered by a ministry officer or the platform.
/// - Budgets and policies are the ministry's (or the platform's).
///
/// A participant's stream is read once, the first time they are asked about: the officers who
/// act on awards are few.
struct AuditedStaff {
    /// What an act needs of its actor.
    enum Scope {
        /// A ministry act: allocating budget lines, adopting policies.
        case ministry
        /// An act on a university's awards: issuing, approving, revoking.
        case office(university: String)
    }

    /// An officer's registration as the log holds it.
    struct Registration {
        let role: Actor.Role
        let university: String?
        let position: Int64
        /// The role recorded on the registering event: who appointed them.
        let appointedByRole: String?
        let erasedAt: Int64?
    }

    private let store: EventStore
    private var registrations: [String: Registration?] = [:]

    init(store: EventStore) {
        self.store = store
    }

    /// Why the act recorded as `recorded` may not count, with the positions that show it, or
    /// nil when it may. `named` is who its payload says acted (nil when it names no one).
    mutating func refusal(of recorded: RecordedEvent, named: String?, scope: Scope) throws(ProjectionError) -> (reason: String, positions: [Int64])? {
        let metadata = try? recorded.metadata()
        guard let actor = metadata?.actorId, let roleName = metadata?.actorRole else {
            return ("it records no actor and role", [recorded.position])
        }
        if let named, named != actor {
            return ("its payload names \(named) but it was recorded as the act of \(actor)", [recorded.position])
        }
        switch (Actor.Role(rawValue: roleName), scope) {
        case (.ministryOfficer?, _), (.system?, _):
            return nil
        case let (.universityDeputyOfficer?, .office(university)):
            guard let registration = try registration(of: actor) else {
                return ("\(actor) acts as a deputy officer but is not registered as one in the log", [recorded.position])
            }
            guard registration.role == .universityDeputyOfficer, registration.university == university else {
                return ("\(actor) is registered as \(registration.role.rawValue) of \(registration.university ?? "no university"), not a deputy officer of \(university)",
                        [registration.position, recorded.position])
            }
            guard registration.position < recorded.position else {
                return ("\(actor) acted before being registered as a deputy officer", [recorded.position, registration.position])
            }
            if let erased = registration.erasedAt, erased < recorded.position {
                return ("\(actor) acted after their registration was erased", [erased, recorded.position])
            }
            guard [Actor.Role.ministryOfficer.rawValue, Actor.Role.system.rawValue].contains(registration.appointedByRole ?? "") else {
                return ("\(actor) was registered as a deputy officer by a \(registration.appointedByRole ?? "nobody"), not by the ministry", [registration.position, recorded.position])
            }
            return nil
        default:
            return ("it was recorded as the act of \(actor) in the role \(roleName), which may not do it", [recorded.position])
        }
    }

    private mutating func registration(of participant: String) throws(ProjectionError) -> Registration? {
        if let known = registrations[participant] { return known }
        let events: [RecordedEvent]
        do { events = try store.readStream(ParticipantEvent.stream(participant)) } catch { throw .log(error) }
        var found: Registration?
        for recorded in events {
            switch ParticipantEvent.reading(recorded, skipped: { _ in }) {
            case let .registered(registered)? where found == nil:
                guard let role = Actor.Role(rawValue: registered.kind) else { continue }
                found = Registration(
                    role: role, university: registered.university, position: recorded.position,
                    appointedByRole: (try? recorded.metadata())?.actorRole, erasedAt: nil)
            case .erased? where found != nil && found?.erasedAt == nil:
                found = Registration(role: found!.role, university: found!.university, position: found!.position, appointedByRole: found!.appointedByRole, erasedAt: recorded.position)
            default:
                continue
            }
        }
        registrations[participant] = .some(found)
        return found
    }
}
