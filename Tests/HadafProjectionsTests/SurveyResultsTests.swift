import EventStore
import Foundation
import HadafEvents
import HadafProjections
import Testing

@Suite("Survey results")
struct SurveyResultsTests {
    @Test func countsMeansUniversitiesAndCompleteness() async throws {
        let log = try ProjectionLog()
        let definition = SurveyDefinition(
            title: "t", description: "", audience: Audience(), opensAt: Date(timeIntervalSince1970: 0), closesAt: Date(timeIntervalSince1970: 9_999_999_999),
            questions: [
                SurveyQuestion(id: "q1", text: "کدام؟", kind: .singleChoice(options: ["کتاب", "تئاتر"])),
                SurveyQuestion(id: "q2", text: "چرا تئاتر؟", kind: .shortText, isRequired: false, showIf: .init(questionId: "q1", equals: .choice("تئاتر"))),
                SurveyQuestion(id: "q3", text: "رضایت", kind: .likert),
            ],
            allowsEditing: true)
        try await log.append(SurveyDrafted(surveyId: "s", definition: definition), to: "survey-s")
        func answered(_ who: String, _ university: String, _ answers: [String: SurveyAnswerValue], revision: Bool = false) -> SurveyAnswered {
            SurveyAnswered(respondent: who, respondentKind: "student", university: university, answers: answers, isRevision: revision)
        }
        // p-1 chooses theatre and explains: complete. p-2 chooses books: q2 is not shown, complete.
        try await log.append(answered("p-1", "ut", ["q1": .choice("تئاتر"), "q2": .text("گفت‌وگو"), "q3": .number(5)]), to: "survey-s")
        try await log.append(answered("p-2", "sharif", ["q1": .choice("کتاب"), "q3": .number(2)]), to: "survey-s")
        // p-3 first chooses books, then revises to theatre without explaining: partial, counted once.
        try await log.append(answered("p-3", "ut", ["q1": .choice("کتاب"), "q3": .number(3)]), to: "survey-s")
        try await log.append(answered("p-3", "ut", ["q1": .choice("تئاتر"), "q3": .number(4)], revision: true), to: "survey-s")
        try await log.append(SurveyAnsweredAnonymously(pseudonym: "anon-1", respondentKind: "faculty", university: "yazd", answers: ["q1": .choice("کتاب"), "q3": .number(3)], isRevision: false), to: "survey-s")

        _ = try log.runner([SurveyResultsProjector()]).catchUp()
        let results = try #require(try SurveyResults.read("s", in: log.model))
        #expect(results.responses == 4 && results.complete == 3 && results.partial == 1)
        #expect(results.byUniversity == ["ut": 2, "sharif": 1, "yazd": 1])
        let choice = results.questions[0]
        #expect(choice.counts.map(\.value) == ["کتاب", "تئاتر"] && choice.counts.map(\.count) == [2, 2])
        let likert = results.questions[2]
        #expect(likert.mean == 3.5 && likert.answered == 4)
        #expect(likert.counts.map(\.count) == [0, 1, 1, 1, 1])
        #expect(try SurveyResults.read("none", in: log.model) == nil)
    }
}
