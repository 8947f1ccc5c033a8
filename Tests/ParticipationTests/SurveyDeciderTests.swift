import Foundation
import HadafEvents
import Participation
import Testing

@Suite("The survey decider")
struct SurveyDeciderTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)
    private let student = Actor(id: "p-1", role: .student)
    private let opens = Date(timeIntervalSince1970: 1_763_000_000)
    private var during: Date { opens.addingTimeInterval(3600) }
    private var closes: Date { opens.addingTimeInterval(7 * 86400) }

    private var questions: [SurveyQuestion] {
        [
            SurveyQuestion(id: "q1", text: "کدام برنامه را بیشتر می‌پسندید؟", kind: .singleChoice(options: ["کتاب‌خوانی", "تئاتر", "اردو"])),
            SurveyQuestion(id: "q2", text: "کدام‌ها را تجربه کرده‌اید؟", kind: .multipleChoice(options: ["کارگاه", "جشنواره", "اردو"], minimum: 1, maximum: 2)),
            SurveyQuestion(id: "q3", text: "برنامه‌ها سودمند بودند.", kind: .likert),
            SurveyQuestion(id: "q4", text: "چقدر پیشنهاد می‌کنید؟", kind: .scale),
            SurveyQuestion(id: "q5", text: "چند ساعت در هفته؟", kind: .number(minimum: 0, maximum: 40), isRequired: false),
            SurveyQuestion(id: "q6", text: "چرا تئاتر؟", kind: .shortText, showIf: .init(questionId: "q1", equals: .choice("تئاتر"))),
            SurveyQuestion(id: "q7", text: "پیشنهاد شما", kind: .longText, isRequired: false),
        ]
    }

    private func definition(allowsEditing: Bool = false, audience: Audience = Audience(kinds: ["student"], universities: ["ut", "sharif"])) -> SurveyDefinition {
        SurveyDefinition(
            title: "نظرسنجی برنامه‌های فرهنگی", description: "", audience: audience,
            opensAt: opens, closesAt: closes, questions: questions, allowsEditing: allowsEditing)
    }

    private let goodAnswers: [String: SurveyAnswerValue] = [
        "q1": .choice("تئاتر"), "q2": .choices(["کارگاه"]), "q3": .number(4), "q4": .number(9), "q6": .text("برای گفت‌وگو"),
    ]

    private func given(_ events: [SurveyEvent], when command: Survey.Command, by actor: Actor, at now: Date? = nil) throws(DomainError) -> [SurveyEvent] {
        try Survey.decide(command, state: Survey.fold(events), context: DecisionContext(actor: actor, now: now ?? during))
    }

    private func published(allowsEditing: Bool = false, audience: Audience = Audience(kinds: ["student"], universities: ["ut", "sharif"])) -> [SurveyEvent] {
        [.drafted(SurveyDrafted(surveyId: "s1", definition: definition(allowsEditing: allowsEditing, audience: audience))), .published(SurveyPublished())]
    }

    private func answer(_ answers: [String: SurveyAnswerValue], university: String? = "ut", kind: Actor.Role = .student) -> Survey.Command {
        .answer(answers: answers, respondentKind: kind, university: university)
    }

    @Test func anOfficerDraftsAndPublishesAndNoOneElseMay() throws {
        #expect(try given([], when: .draft(surveyId: "s1", definition: definition()), by: officer, at: opens).count == 1)
        #expect(throws: DomainError.forbidden(role: .student, action: "define a survey")) {
            try given([], when: .draft(surveyId: "s1", definition: definition()), by: student)
        }
        let drafted = Array(published().prefix(1))
        #expect(try given(drafted, when: .publish, by: officer, at: opens) == [.published(SurveyPublished())])
        #expect(throws: DomainError.surveyWindowPassed) { try given(drafted, when: .publish, by: officer, at: closes) }
        #expect(throws: DomainError.surveyAlreadyPublished) { try given(published(), when: .draft(surveyId: "s1", definition: definition()), by: officer) }
    }

    @Test func aFaultyDefinitionIsRefusedWithEveryProblemNamed() {
        var bad = definition()
        bad.closesAt = opens
        bad.questions = [
            SurveyQuestion(id: "a", text: "؟", kind: .singleChoice(options: ["بله"])),
            SurveyQuestion(id: "a", text: "دوباره", kind: .likert),
            SurveyQuestion(id: "b", text: "چند؟", kind: .multipleChoice(options: ["x", "y"], minimum: 2, maximum: 3)),
            SurveyQuestion(id: "c", text: "شرطی", kind: .shortText, showIf: .init(questionId: "z", equals: .choice("x"))),
        ]
        do {
            _ = try given([], when: .draft(surveyId: "s1", definition: bad), by: officer)
            Issue.record("the definition was accepted")
        } catch {
            #expect(error.code == "survey.definition_invalid")
            #expect(Set(error.details.compactMap(\.field)) == ["closesAt", "questions.a", "questions.b", "questions.c"])
        }
    }

    @Test func aValidResponseIsRecordedWithTheRespondentsUniversity() throws {
        let events = try given(published(), when: answer(goodAnswers), by: student)
        #expect(events == [.answered(SurveyAnswered(respondent: "p-1", respondentKind: "student", university: "ut", answers: goodAnswers, isRevision: false))])
    }

    @Test func everyWrongAnswerIsReportedAgainstItsQuestion() {
        let wrong: [String: SurveyAnswerValue] = [
            "q1": .choice("سینما"), "q2": .choices(["کارگاه", "جشنواره", "اردو"]), "q3": .number(6), "q4": .number(2.5),
            "q5": .number(41), "q7": .text("  "), "q9": .text("؟"),
        ]
        do {
            _ = try given(published(), when: answer(wrong), by: student)
            Issue.record("the response was accepted")
        } catch {
            #expect(error.code == "survey.answers_invalid")
            #expect(Set(error.details.compactMap(\.field)) == ["answers.q1", "answers.q2", "answers.q3", "answers.q4", "answers.q5", "answers.q7", "answers.q9"])
            #expect(error.details.allSatisfy { !$0.persianMessage.isEmpty })
        }
    }

    @Test func showIfDecidesWhichQuestionsAreAskedAndRequired() throws {
        var withoutTheatre = goodAnswers
        withoutTheatre["q1"] = .choice("اردو")
        withoutTheatre["q6"] = nil
        #expect(try given(published(), when: answer(withoutTheatre), by: student).count == 1)
        withoutTheatre["q6"] = .text("hidden")
        #expect(throws: DomainError.self) { try given(published(), when: answer(withoutTheatre), by: student) }
        var theatreWithoutReason = goodAnswers
        theatreWithoutReason["q6"] = nil
        do {
            _ = try given(published(), when: answer(theatreWithoutReason), by: student)
            Issue.record("a required shown question went unanswered")
        } catch {
            #expect(error.details.map(\.field) == ["answers.q6"])
        }
    }

    @Test func onlyTheAudienceAnswersWithinTheWindow() {
        #expect(throws: DomainError.surveyNotInAudience) { try given(published(), when: answer(goodAnswers, university: "yazd"), by: student) }
        #expect(throws: DomainError.surveyNotInAudience) {
            try given(published(), when: answer(goodAnswers, kind: .faculty), by: Actor(id: "f-1", role: .faculty))
        }
        #expect(throws: DomainError.surveyNotOpenYet(opensAt: opens)) { try given(published(), when: answer(goodAnswers), by: student, at: opens.addingTimeInterval(-1)) }
        #expect(throws: DomainError.surveyClosed) { try given(published(), when: answer(goodAnswers), by: student, at: closes) }
        #expect(throws: DomainError.surveyClosed) { try given(published() + [.closed(SurveyClosed())], when: answer(goodAnswers), by: student) }
        #expect(throws: DomainError.surveyNotPublished) { try given(Array(published().prefix(1)), when: answer(goodAnswers), by: student) }
        #expect(throws: DomainError.surveyNotFound) { try given([], when: answer(goodAnswers), by: student) }
    }

    @Test func aParticipantAnswersOnceUnlessTheSurveyAllowsEditing() throws {
        let first = SurveyEvent.answered(SurveyAnswered(respondent: "p-1", respondentKind: "student", university: "ut", answers: goodAnswers, isRevision: false))
        #expect(throws: DomainError.surveyAlreadyAnswered) { try given(published() + [first], when: answer(goodAnswers), by: student) }
        let revised = try given(published(allowsEditing: true) + [first], when: answer(goodAnswers), by: student)
        guard case let .answered(event) = revised.first else { Issue.record("no revision"); return }
        #expect(event.isRevision)
    }
}
