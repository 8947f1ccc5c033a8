import EventStore
import Foundation
import HadafEvents
import Participation
import Testing

@Suite("Anonymous surveys: answers name no one, credits link to no answer")
struct AnonymousSurveyTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    private struct Log {
        let demo: DemoLog
        let students: [String]
        var store: EventStore { demo.store }
        var clock: ManualClock { demo.clock }
    }

    private func log(allowsEditing: Bool = false) async throws -> Log {
        let demo = try await DemoLog.make()
        let students = try await demo.students(3)
        let (store, clock) = (demo.store, demo.clock)
        let handler = CommandHandler<Survey>(store: store, clock: clock)
        let definition = SurveyDefinition(
            title: "سلامت روان دانشجویان", description: "", audience: Audience(kinds: ["student"]),
            opensAt: clock.now(), closesAt: clock.now().addingTimeInterval(86400),
            questions: [SurveyQuestion(id: "q1", text: "احساس تنهایی", kind: .likert)], allowsEditing: allowsEditing, isAnonymous: true)
        _ = try await handler.handle(.draft(surveyId: "wellbeing", definition: definition), on: Survey.stream("wellbeing"), by: officer)
        _ = try await handler.handle(.publish, on: Survey.stream("wellbeing"), by: officer)
        return Log(demo: demo, students: students)
    }

    @Test func nothingReachableFromTheAnswersNamesTheParticipant() async throws {
        let test = try await log()
        let surveys = Surveys(store: test.store, clock: test.clock)
        for (index, student) in test.students.enumerated() {
            _ = try await surveys.answer("wellbeing", answers: ["q1": .number(Double(index + 2))], by: student, idempotencyKey: "form-\(student)")
        }
        let answers = try test.store.readStream(Survey.stream("wellbeing")).filter { $0.type == SurveyAnsweredAnonymously.eventType }
        #expect(answers.count == 3)
        for answer in answers {
            let reachable = String(decoding: answer.payload + answer.metadataJSON, as: UTF8.self)
            for student in test.students {
                #expect(!reachable.contains(student), "an answer names \(student)")
            }
            let metadata = try answer.metadata()
            #expect(metadata.actorId?.hasPrefix("anon-") == true && metadata.idempotencyKey == nil)
        }
        // No idempotency key was kept, and no credit is in the log yet.
        #expect(try test.store.result(forIdempotencyKey: "form-\(test.students[0])") == nil)
        #expect(try test.store.readStream(Surveys.creditStream("wellbeing")).isEmpty)
    }

    @Test func closingCreditsEveryRespondentTogetherAndForgetsThePseudonyms() async throws {
        let test = try await log()
        let surveys = Surveys(store: test.store, clock: test.clock)
        for student in test.students.reversed() {
            _ = try await surveys.answer("wellbeing", answers: ["q1": .number(3)], by: student)
        }
        let lastAnswer = try #require(try test.store.head()?.position)
        _ = try await surveys.close("wellbeing", by: officer)

        let credits = try test.store.readStream(Surveys.creditStream("wellbeing"))
        let credited = try credits.map { try #require(try $0.decode(as: SurveyParticipationCredited.self)).participantId }
        #expect(Set(credited) == Set(test.students) && credited.count == 3)
        // All after the close, together, in an order unrelated to the answers.
        #expect(credits.allSatisfy { $0.position > lastAnswer + 1 })
        #expect(credits.map(\.position) == Array(credits[0].position...(credits[0].position + 2)))
        #expect(credits.map(\.id) == credits.map(\.id).sorted { $0.lowercasedString < $1.lowercasedString })
        #expect(try credits.allSatisfy { try $0.metadata().occurredAt == nil })

        // The salt is gone: the pseudonyms can no longer be recomputed, and answering is over.
        #expect(throws: EventStoreError.subjectKeyDestroyed("survey-salt:wellbeing")) { try test.store.storedSubjectKey("survey-salt:wellbeing") }
        await #expect(throws: DomainError.surveyClosed) { try await surveys.answer("wellbeing", answers: ["q1": .number(3)], by: test.students[0]) }
        // Closing again finishes nothing twice.
        _ = try await surveys.close("wellbeing", by: officer)
        #expect(try test.store.readStream(Surveys.creditStream("wellbeing")).count == 3)
        #expect(try test.store.verify().isIntact)
    }

    @Test func aPseudonymStopsASecondAnswerAndARevisionEarnsOneCredit() async throws {
        let once = try await log()
        let surveys = Surveys(store: once.store, clock: once.clock)
        _ = try await surveys.answer("wellbeing", answers: ["q1": .number(3)], by: once.students[0])
        await #expect(throws: DomainError.surveyAlreadyAnswered) { try await surveys.answer("wellbeing", answers: ["q1": .number(4)], by: once.students[0]) }

        let editable = try await log(allowsEditing: true)
        let editing = Surveys(store: editable.store, clock: editable.clock)
        _ = try await editing.answer("wellbeing", answers: ["q1": .number(3)], by: editable.students[0])
        _ = try await editing.answer("wellbeing", answers: ["q1": .number(5)], by: editable.students[0])
        _ = try await editing.close("wellbeing", by: officer)
        #expect(try editable.store.readStream(Surveys.creditStream("wellbeing")).count == 1)
    }

    @Test func theDeciderInsistsOnAPseudonymForAnAnonymousSurvey() throws {
        let definition = SurveyDefinition(
            title: "t", description: "", audience: Audience(), opensAt: Date(timeIntervalSince1970: 0), closesAt: Date(timeIntervalSince1970: 9_999_999_999),
            questions: [SurveyQuestion(id: "q1", text: "؟", kind: .likert)], allowsEditing: false, isAnonymous: true)
        let state = Survey.fold([.drafted(SurveyDrafted(surveyId: "s", definition: definition)), .published(SurveyPublished())])
        let context = DecisionContext(actor: Actor(id: "p-1", role: .student), now: Date())
        #expect(throws: DomainError.surveyPseudonymMismatch) {
            try Survey.decide(.answer(answers: ["q1": .number(3)], respondentKind: .student, university: "ut"), state: state, context: context)
        }
    }
}
