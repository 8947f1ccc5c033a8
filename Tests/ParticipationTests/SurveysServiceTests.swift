import EventStore
import Foundation
import HadafEvents
import HadafTestSupport
import Participation
import Testing

@Suite("Answering surveys as a registered participant")
struct SurveysServiceTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    @Test func aRegisteredStudentAnswersAndAnErasedOneCannot() async throws {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        let clock = ManualClock(Date(timeIntervalSince1970: 1_763_000_000))
        _ = try await DemoUniversities.register(in: store, clock: clock)
        let registry = ParticipantRegistry(store: store, clock: clock)
        let student = try await registry.register(
            kind: .student, university: "ut",
            personal: PersonalData(displayName: "سارا", nationalCode: "0499370899", email: "sara@ut.ac.ir"), by: officer)
        let other = try await registry.register(
            kind: .student, university: "yazd",
            personal: PersonalData(displayName: "علی", nationalCode: "1234567891", email: "ali@yazd.ac.ir"), by: officer)

        let handler = CommandHandler<Survey>(store: store, clock: clock)
        let definition = SurveyDefinition(
            title: "رضایت از خوابگاه", description: "", audience: Audience(kinds: ["student"], universities: ["ut"]),
            opensAt: clock.now(), closesAt: clock.now().addingTimeInterval(86400),
            questions: [SurveyQuestion(id: "q1", text: "رضایت کلی", kind: .likert)], allowsEditing: false)
        _ = try await handler.handle(.draft(surveyId: "dorms", definition: definition), on: Survey.stream("dorms"), by: officer)
        _ = try await handler.handle(.publish, on: Survey.stream("dorms"), by: officer)

        let surveys = Surveys(store: store, clock: clock)
        let outcome = try await surveys.answer("dorms", answers: ["q1": .number(4)], by: student)
        #expect(outcome.eventCount == 1)
        await #expect(throws: DomainError.surveyNotInAudience) { try await surveys.answer("dorms", answers: ["q1": .number(4)], by: other) }
        await #expect(throws: DomainError.participantNotRegistered) { try await surveys.answer("dorms", answers: ["q1": .number(4)], by: "p-nobody") }

        try await registry.erase(other, by: officer)
        await #expect(throws: DomainError.participantErased) { try await surveys.answer("dorms", answers: ["q1": .number(4)], by: other) }

        let recorded = try #require(try store.readStream(Survey.stream("dorms")).last)
        #expect(try recorded.metadata().actorId == student && recorded.type == "survey.answered")
    }
}
