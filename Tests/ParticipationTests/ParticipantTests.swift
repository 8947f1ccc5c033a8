import EventStore
import Foundation
import HadafEvents
import HadafTestSupport
import Participation
import Testing

@Suite("Participants: registration, sealed personal data, erasure")
struct ParticipantTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    // MARK: - The decider

    private func given(_ events: [ParticipantEvent], when command: Participant.Command, by actor: Actor) throws(DomainError) -> [ParticipantEvent] {
        try Participant.decide(command, state: Participant.fold(events), context: DecisionContext(actor: actor, now: Date()))
    }

    private func register(_ kind: Actor.Role, university: String? = "ut", group: String? = nil) -> Participant.Command {
        .register(id: "p-1", kind: kind, university: university, studentGroup: group, sealedPersonal: "c2VhbGVk")
    }

    private var registered: ParticipantEvent {
        .registered(ParticipantRegistered(participantId: "p-1", kind: "student", university: "ut", studentGroup: nil, personal: "c2VhbGVk", sealing: PersonalDataSeal.scheme))
    }

    @Test func whoMayRegisterWhom() throws {
        #expect(try given([], when: register(.student), by: Actor(id: "p-1", role: .student)) == [registered])
        #expect(try given([], when: register(.juror, university: nil), by: officer).count == 1)
        #expect(try given([], when: register(.faculty), by: Actor(id: "d-1", role: .universityDeputyOfficer)).count == 1)
        #expect(throws: DomainError.forbidden(role: .student, action: "register a faculty")) {
            try given([], when: register(.faculty), by: Actor(id: "p-1", role: .student))
        }
        #expect(throws: DomainError.forbidden(role: .universityDeputyOfficer, action: "register a ministry officer")) {
            try given([], when: register(.ministryOfficer, university: nil), by: Actor(id: "d-1", role: .universityDeputyOfficer))
        }
    }

    @Test func universitiesAndGroupsAreRequiredWhereTheyBelong() {
        #expect(throws: DomainError.required(field: "university")) { try given([], when: register(.student, university: nil), by: officer) }
        #expect(throws: DomainError.required(field: "studentGroup")) { try given([], when: register(.studentGroupRepresentative), by: officer) }
    }

    @Test func aPersonRegistersOnceAndIsErasedOnce() throws {
        #expect(throws: DomainError.participantAlreadyRegistered) { try given([registered], when: register(.student), by: officer) }
        let erased = ParticipantEvent.erased(ParticipantErased(requestedBy: "participant"))
        #expect(try given([registered], when: .erase, by: Actor(id: "p-1", role: .student)) == [erased])
        #expect(try given([registered, erased], when: .erase, by: officer).isEmpty)
        #expect(throws: DomainError.participantErased) { try given([registered, erased], when: register(.student), by: officer) }
        #expect(throws: DomainError.forbidden(role: .student, action: "erase another participant's data")) {
            try given([registered], when: .erase, by: Actor(id: "p-2", role: .student))
        }
        #expect(throws: DomainError.participantNotRegistered) { try given([], when: .erase, by: officer) }
    }

    // MARK: - The registry, on a real log

    private struct Log {
        let directory: TemporaryDirectory
        let store: EventStore
        let registry: ParticipantRegistry
    }

    private func log() async throws -> Log {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        _ = try await DemoUniversities.register(in: store)
        _ = try await CommandHandler<University>(store: store).handle(
            .registerStudentGroup(groupId: "kanoon-shear", name: "کانون شعر"), on: University.stream(code: "ut"), by: officer)
        return Log(directory: directory, store: store, registry: ParticipantRegistry(store: store))
    }

    private let maryam = { try! PersonalData(displayName: "مریم احمدی", nationalCode: "۰۴۹۹۳۷۰۸۹۹", email: "maryam@ut.ac.ir") }()

    @Test func aRegisteredParticipantReadsBackAndTheirCodeCannotRegisterTwice() async throws {
        let test = try await log()
        let id = try await test.registry.register(kind: .student, university: "ut", personal: maryam, by: officer)
        let profile = try #require(try test.registry.profile(id))
        #expect(profile.personal == maryam && profile.kind == .student && profile.university == "ut")
        #expect(id.hasPrefix("p-") && id.count == 22)

        let sameCodeLatin = try PersonalData(displayName: "M. Ahmadi", nationalCode: "0499370899", email: "m@example.com")
        await #expect(throws: DomainError.participantAlreadyRegistered) {
            try await test.registry.register(kind: .faculty, university: "sharif", personal: sameCodeLatin, by: officer)
        }
    }

    @Test func registrationChecksTheUniversityGroupAndEmail() async throws {
        let test = try await log()
        await #expect(throws: DomainError.universityNotRegistered) {
            try await test.registry.register(kind: .student, university: "nowhere", personal: maryam, by: officer)
        }
        await #expect(throws: DomainError.studentGroupNotFound(groupId: "kanoon-film")) {
            try await test.registry.register(kind: .studentGroupRepresentative, university: "ut", studentGroup: "kanoon-film", personal: maryam, by: officer)
        }
        #expect(try await test.registry.register(kind: .studentGroupRepresentative, university: "ut", studentGroup: "kanoon-shear", personal: maryam, by: officer).hasPrefix("p-"))
        for email in ["maryam", "maryam@", "@ut.ac.ir", "maryam@ut", "mar yam@ut.ac.ir", "a@b@c.ir"] {
            #expect(throws: DomainError.invalidEmail(email)) { try PersonalData(displayName: "م", nationalCode: "0499370899", email: email) }
        }
    }

    @Test func noPersonalFieldIsInClearAnywhereInTheDatabase() async throws {
        let test = try await log()
        _ = try await test.registry.register(kind: .student, university: "ut", personal: maryam, by: officer)
        for suffix in ["", "-wal"] {
            let file = (try? Data(contentsOf: URL(fileURLWithPath: test.store.path + suffix))) ?? Data()
            for secret in ["0499370899", "maryam@ut.ac.ir", "مریم احمدی"] {
                #expect(file.range(of: Data(secret.utf8)) == nil, "\(secret) is in clear in hadaf.sqlite\(suffix)")
            }
        }
    }

    @Test func erasureHidesThePersonKeepsTheirEventsAndTheChainVerifies() async throws {
        let test = try await log()
        let id = try await test.registry.register(kind: .student, university: "ut", personal: maryam, by: officer)
        try await test.registry.erase(id, by: Actor(id: id, role: .student))

        let profile = try #require(try test.registry.profile(id))
        #expect(profile.isErased && profile.displayName == "[erased]")
        #expect(profile.university == "ut" && profile.kind == .student)
        #expect(try test.store.readStream(Participant.stream(id)).map(\.type) == ["participant.registered", "participant.erased"])
        #expect(try test.store.verify().isIntact)

        // Erasing again finishes nothing new; registering the code again is refused.
        try await test.registry.erase(id, by: officer)
        #expect(try test.store.readStream(Participant.stream(id)).count == 2)
        await #expect(throws: DomainError.participantErased) {
            try await test.registry.register(kind: .student, university: "ut", personal: maryam, by: officer)
        }
    }

    @Test func onlyThePersonOrAnOfficerMayErase() async throws {
        let test = try await log()
        let id = try await test.registry.register(kind: .student, university: "ut", personal: maryam, by: officer)
        await #expect(throws: DomainError.forbidden(role: .faculty, action: "erase another participant's data")) {
            try await test.registry.erase(id, by: Actor(id: "p-other", role: .faculty))
        }
        #expect(try test.registry.profile(id)?.isErased == false)
    }
}
