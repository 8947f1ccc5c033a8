import EventStore
import Foundation
import HadafEvents
import Participation
import Testing

@Suite("Answering surveys as a registered participant")
struct SurveysServiceTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    @Test func aRegisteredStudentAnswersAndAnErasedOneCannot() async throws {
        let demo = try await DemoLog.make()
        let student = try await demo.register(.student, number: 0)
        let other = try await demo.register(.student, number: 1, university: "yazd")

        let handler = CommandHandler<Survey>(store: demo.store, clock: demo.clock)
        let definition = SurveyDefinition(
            title: "رضایت از خوابگاه", description: "", audience: Audience(kinds: ["student"], universities: ["ut"]),
            opensAt: demo.clock.now(), closesAt: demo.clock.now().addingTimeInterval(86400),
            questions: [SurveyQuestion(id: "q1", text: "رضایت کلی", kind: .likert)], allowsEditing: false)
        _ = try await handler.handle(.draft(surveyId: "dorms", definition: definition), on: Survey.stream("dorms"), by: officer)
        _ = try await handler.handle(.publish, on: Survey.stream("dorms"), by: officer)

        let surveys = Surveys(store: demo.store, clock: demo.clock)
        let outcome = try await surveys.answer("dorms", answers: ["q1": .number(4)], by: student)
        #expect(outcome.eventCount == 1)
        await #expect(throws: DomainError.surveyNotInAudience) { try await surveys.answer("dorms", answers: ["q1": .number(4)], by: other) }
        await #expect(throws: DomainError.participantNotRegistered) { try await surveys.answer("dorms", answers: ["q1": .number(4)], by: "p-nobody") }

        try await demo.registry.erase(other, by: officer)
        await #expect(throws: DomainError.participantErased) { try await surveys.answer("dorms", answers: ["q1": .number(4)], by: other) }

        let recorded = try #require(try demo.store.readStream(Survey.stream("dorms")).last)
        #expect(try recorded.metadata().actorId == student && recorded.type == "survey.answered")
    }
}
