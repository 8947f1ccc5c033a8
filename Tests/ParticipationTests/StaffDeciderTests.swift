import Foundation
import HadafEvents
import Participation
import Testing

@Suite("The staff decider: ministry officers appointed and dismissed in the log")
struct StaffDeciderTests {
    private let appointed = StaffEvent.appointed(StaffAppointed(officerId: "officer-3", role: "ministry_officer"))

    private func given(_ events: [StaffEvent], when command: Staff.Command, by role: Actor.Role = .ministryOfficer) throws(DomainError) -> [StaffEvent] {
        try Staff.decide(command, state: Staff.fold(events), context: DecisionContext(actor: Actor(id: "officer-1", role: role), now: Date()))
    }

    @Test func theMinistryAppointsOnceAndDismissesWithAReason() throws {
        #expect(try given([], when: .appoint(officerId: "officer-3", role: .ministryOfficer)) == [appointed])
        #expect(try given([], when: .appoint(officerId: "officer-3", role: .ministryOfficer), by: .system) == [appointed])
        #expect(try given([appointed], when: .appoint(officerId: "officer-3", role: .ministryOfficer)).isEmpty)
        let dismissed = StaffEvent.dismissed(StaffDismissed(officerId: "officer-3", reason: "پایان دوره"))
        #expect(try given([appointed], when: .dismiss(officerId: "officer-3", reason: "پایان دوره")) == [dismissed])
        #expect(try given([appointed, dismissed], when: .appoint(officerId: "officer-3", role: .ministryOfficer)) == [appointed])
    }

    @Test func othersMayNotAppointAndOnlyMinistryOfficersAreAppointed() {
        for role in [Actor.Role.student, .faculty, .universityDeputyOfficer, .juror, .studentGroupRepresentative] {
            #expect(throws: DomainError.forbidden(role: role, action: "appoint or dismiss officers")) {
                try given([], when: .appoint(officerId: "officer-3", role: .ministryOfficer), by: role)
            }
        }
        #expect(throws: DomainError.staffRoleNotAppointable(.universityDeputyOfficer)) {
            try given([], when: .appoint(officerId: "officer-3", role: .universityDeputyOfficer))
        }
        #expect(throws: DomainError.invalidCode("Officer 3", field: "officerId")) {
            try given([], when: .appoint(officerId: "Officer 3", role: .ministryOfficer))
        }
        #expect(throws: DomainError.staffNotAppointed("officer-3")) {
            try given([], when: .dismiss(officerId: "officer-3", reason: "پایان دوره"))
        }
        #expect(throws: DomainError.required(field: "reason")) {
            try given([appointed], when: .dismiss(officerId: "officer-3", reason: "  "))
        }
    }
}
