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
/// - A ministry officer acts only under an appointment in force (`staff.appointed`, not yet
///   `staff.dismissed`), made by the platform or by a ministry officer appointed before it.
/// - Budgets and policies are the ministry's; the platform itself (the operator's shell) may
///   allocate, adopt and appoint, but never issues, approves or revokes an award.
///
/// A person's streams are read once, the first time they are asked about: the officers who act
/// on awards are few.
struct AuditedStaff {
    /// What an act needs of its actor.
    enum Scope {
        /// A ministry act: allocating budget lines, adopting policies.
        case ministry
        /// An act on a university's awards: issuing, approving, revoking.
        case office(university: String)
        /// A juror's own act: scoring, declaring a conflict (the festival's jury decides which
        /// entries count, ``FestivalJury``).
        case juror
    }

    /// An officer's registration as the log holds it.
    struct Registration {
        let role: Actor.Role
        let university: String?
        let position: Int64
        /// Why the registering act does not count (whoever registered them could not), or nil.
        let refusal: String?
        let erasedAt: Int64?
    }

    /// An appointment as the log holds it: when it was made, by what role, and when it ended.
    struct Appointment {
        let position: Int64
        let dismissedAt: Int64?
    }

    private let store: EventStore
    private var registrations: [String: Registration?] = [:]
    private var appointments: [String: [Appointment]] = [:]

    init(store: EventStore) {
        self.store = store
    }

    /// Why the act recorded as `recorded` may not count, with the positions that show it, or
    /// nil when it may. `named` is who its payload says acted (nil when it names no one).
    mutating func refusal(of recorded: RecordedEvent, named: String?, scope: Scope) throws(ProjectionError) -> (reason: String, positions: [Int64])? {
        let recordedActor = recorded.actor
        guard let actor = recordedActor.id, let roleName = recordedActor.role else {
            return ("it records no actor and role", [recorded.position])
        }
        if let named, named != actor {
            return ("its payload names \(named) but it was recorded as the act of \(actor)", [recorded.position])
        }
        switch (Actor.Role(rawValue: roleName), scope) {
        case (.system?, .ministry), (.juror?, .juror):
            return nil
        case (.ministryOfficer?, _):
            return try appointmentRefusal(of: actor, at: recorded.position)
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
            if let refusal = registration.refusal {
                return ("\(actor)'s registration as a deputy officer does not count: \(refusal)", [registration.position, recorded.position])
            }
            return nil
        default:
            return ("it was recorded as the act of \(actor) in the role \(roleName), which may not do it", [recorded.position])
        }
    }

    /// Why `officer` held no ministry appointment at `position`, or nil when they did. The
    /// appointing act is itself checked (at an earlier position, so this ends).
    private mutating func appointmentRefusal(of officer: String, at position: Int64) throws(ProjectionError) -> (reason: String, positions: [Int64])? {
        let held = try appointments(of: officer)
        guard let appointment = held.last(where: { $0.position < position }) else {
            return ("\(officer) acts as a ministry officer but holds no appointment in the log before it", [position])
        }
        if let dismissed = appointment.dismissedAt, dismissed < position {
            return ("\(officer) acted after their appointment ended", [dismissed, position])
        }
        return nil
    }

    private mutating func appointments(of officer: String) throws(ProjectionError) -> [Appointment] {
        if let known = appointments[officer] { return known }
        appointments[officer] = []
        let events: [RecordedEvent]
        do { events = try store.readStream(StaffEvent.stream(officer)) } catch { throw .log(error) }
        var found: [Appointment] = []
        for recorded in events {
            switch StaffEvent.reading(recorded, skipped: { _ in }) {
            case let .appointed(appointed)? where appointed.officerId == officer && appointed.role == Actor.Role.ministryOfficer.rawValue:
                // An appointment counts only if whoever made it could.
                guard try refusal(of: recorded, named: nil, scope: .ministry) == nil else { continue }
                if found.last.map({ $0.dismissedAt != nil }) ?? true { found.append(Appointment(position: recorded.position, dismissedAt: nil)) }
            case .dismissed? where found.last?.dismissedAt == nil && !found.isEmpty:
                found[found.count - 1] = Appointment(position: found[found.count - 1].position, dismissedAt: recorded.position)
            default:
                continue
            }
        }
        appointments[officer] = found
        return found
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
                // A deputy officer is registered by the ministry (or the platform); the act that
                // registered them is checked like any other (at an earlier position).
                let refusal = role == .universityDeputyOfficer ? try refusal(of: recorded, named: nil, scope: .ministry)?.reason : nil
                found = Registration(role: role, university: registered.university, position: recorded.position, refusal: refusal, erasedAt: nil)
            case .erased? where found != nil && found?.erasedAt == nil:
                found = Registration(role: found!.role, university: found!.university, position: found!.position, refusal: found!.refusal, erasedAt: recorded.position)
            default:
                continue
            }
        }
        registrations[participant] = .some(found)
        return found
    }
}
