import HadafEvents
import Participation

/// Which roles may send each command through the server, and the university scope of a
/// deputy officer.
///
/// The deciders refuse what the domain forbids (an officer's act by a student, a screening of
/// another university's submission); this table adds what only the server knows: the account
/// behind the request. A participant acts as themselves only, since the actor is the account's.
enum CommandAccess {
    private static let participants: Set<Actor.Role> = [.student, .faculty, .studentGroupRepresentative]
    private static let ministry: Set<Actor.Role> = [.ministryOfficer]
    private static let officers: Set<Actor.Role> = [.ministryOfficer, .universityDeputyOfficer]
    private static let jurors: Set<Actor.Role> = [.juror]

    /// The roles each command is open to.
    static let roles: [String: Set<Actor.Role>] = [
        "university.register": ministry,
        "university.register_cultural_deputy": ministry,
        "university.register_student_group": officers,
        "staff.appoint": ministry,
        "staff.dismiss": ministry,
        "participant.register": officers,
        "participant.erase": ministry,
        "survey.draft": ministry,
        "survey.publish": ministry,
        "survey.close": ministry,
        "survey.answer": participants,
        "regulation.publish": ministry,
        "regulation.open_round": ministry,
        "regulation.contribute": participants,
        "regulation.withdraw": participants,
        "regulation.endorse": participants,
        "regulation.answer": ministry,
        "regulation.finalise": ministry,
        "submission.draft": participants,
        "submission.revise": participants,
        "submission.submit": participants,
        "submission.withdraw": participants,
        "submission.screen": officers,
        "policy.adopt": ministry,
        "festival.open": ministry,
        "festival.close_call": ministry,
        "festival.nominate": officers,
        "festival.confirm_entries": ministry,
        "festival.withdraw_entry": participants.union(ministry),
        "festival.appoint_juror": ministry,
        "festival.declare_conflict": jurors,
        "festival.assign_jurors": ministry,
        "festival.score": jurors,
        "festival.announce_winners": ministry,
        "award.allocate_budget": ministry,
        "award.issue": officers,
        "award.approve": officers,
        "award.revoke": officers,
    ]

    /// Refuses the command unless the account's role may send it: checked before its payload
    /// is read, so that a role without the right learns nothing from the payload's errors.
    static func check(command name: String, by account: Account) throws(Problem) {
        guard roles[name]?.contains(account.actor.role) == true else { throw .forbidden("run '\(name)'", "فرمان «\(name)»") }
    }

    /// Refuses the request unless the account's role may send it and, for a deputy officer,
    /// it concerns their own university.
    static func check(_ request: CommandRequest, by account: Account) throws(Problem) {
        try check(command: request.name, by: account)
        if account.actor.role == .universityDeputyOfficer, let university = request.university, university != account.university {
            throw .forbidden("act on another university (\(university))", "کار برای دانشگاهی دیگر («\(university)»)")
        }
    }
}
