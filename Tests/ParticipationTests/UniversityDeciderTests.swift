import Foundation
import HadafEvents
import Participation
import Testing

@Suite("The university decider: given events, when a command, then events or a refusal")
struct UniversityDeciderTests {
    private let registered = UniversityEvent.registered(UniversityRegistered(code: "sharif", name: "دانشگاه صنعتی شریف", englishName: "Sharif University of Technology", province: "تهران"))

    private func given(
        _ events: [UniversityEvent], when command: University.Command, by role: Actor.Role = .ministryOfficer
    ) throws(DomainError) -> [UniversityEvent] {
        try University.decide(command, state: University.fold(events), context: DecisionContext(actor: Actor(id: "officer-1", role: role), now: Date()))
    }

    @Test func registeringANewUniversityDecidesItsEvent() throws {
        #expect(try given([], when: .register(code: "sharif", name: "دانشگاه صنعتی شریف", englishName: "Sharif University of Technology", province: "تهران")) == [registered])
    }

    @Test func registeringTheSameUniversityAgainChangesNothingAndOtherNamesAreRefused() throws {
        #expect(try given([registered], when: .register(code: "sharif", name: "دانشگاه صنعتی شریف", englishName: "Sharif University of Technology", province: "تهران")).isEmpty)
        #expect(throws: DomainError.universityAlreadyRegistered(code: "sharif")) {
            try given([registered], when: .register(code: "sharif", name: "شریف", englishName: "Sharif", province: "تهران"))
        }
    }

    @Test func badInputIsRefusedByField() {
        #expect(throws: DomainError.invalidCode("Sharif U", field: "code")) {
            try given([], when: .register(code: "Sharif U", name: "شریف", englishName: "Sharif", province: nil))
        }
        #expect(throws: DomainError.required(field: "name")) {
            try given([], when: .register(code: "sharif", name: " ‌ ", englishName: "Sharif", province: "تهران"))
        }
        #expect(throws: DomainError.tooLong(field: "name", maximum: 200)) {
            try given([registered], when: .registerStudentGroup(groupId: "g-1", name: String(repeating: "ن", count: 201)))
        }
    }

    @Test func onlyRegistrarsChangeTheRegistry() {
        for role in [Actor.Role.student, .faculty, .juror, .studentGroupRepresentative] {
            #expect(throws: DomainError.forbidden(role: role, action: "change the university registry")) {
                try given([registered], when: .registerStudentGroup(groupId: "g-1", name: "کانون کتاب"), by: role)
            }
        }
        #expect(throws: DomainError.forbidden(role: .universityDeputyOfficer, action: "register a university")) {
            try given([], when: .register(code: "x1", name: "x", englishName: "x", province: nil), by: .universityDeputyOfficer)
        }
    }

    @Test func aUniversityHasOneCulturalDeputy() throws {
        let deputy = UniversityEvent.culturalDeputyRegistered(CulturalDeputyRegistered(name: "معاونت فرهنگی شریف"))
        #expect(try given([registered], when: .registerCulturalDeputy(name: "معاونت فرهنگی شریف")) == [deputy])
        #expect(try given([registered, deputy], when: .registerCulturalDeputy(name: "معاونت فرهنگی شریف")).isEmpty)
        #expect(throws: DomainError.culturalDeputyExists(university: "دانشگاه صنعتی شریف")) {
            try given([registered, deputy], when: .registerCulturalDeputy(name: "معاونتی دیگر"))
        }
        #expect(throws: DomainError.universityNotRegistered) { try given([], when: .registerCulturalDeputy(name: "x")) }
    }

    @Test func studentGroupNamesAreUniqueAsNormalisedText() throws {
        let group = UniversityEvent.studentGroupRegistered(StudentGroupRegistered(groupId: "kanoon-ketab", name: "کانون کتاب‌خوانی"))
        #expect(try given([registered], when: .registerStudentGroup(groupId: "kanoon-ketab", name: "کانون کتاب‌خوانی")) == [group])
        // The same name typed on an Arabic keyboard without the ZWNJ is the same name.
        #expect(throws: DomainError.studentGroupNameTaken(name: "كانون كتابخواني")) {
            try given([registered, group], when: .registerStudentGroup(groupId: "other", name: "كانون كتابخواني"))
        }
        #expect(throws: DomainError.studentGroupIdTaken(groupId: "kanoon-ketab")) {
            try given([registered, group], when: .registerStudentGroup(groupId: "kanoon-ketab", name: "کانون تئاتر"))
        }
        #expect(try given([registered, group], when: .registerStudentGroup(groupId: "kanoon-ketab", name: "کانون کتاب‌خوانی")).isEmpty)
    }
}
