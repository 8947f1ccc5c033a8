import EventStore
import Foundation
import GRDB
import HadafEvents
@testable import HadafProjections
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
        // p-3 first chooses books and 1, then revises to theatre without explaining, and 4: partial,
        // counted once, and no one is left counted under 1.
        try await log.append(answered("p-3", "ut", ["q1": .choice("کتاب"), "q3": .number(1)]), to: "survey-s")
        try await log.append(answered("p-3", "ut", ["q1": .choice("تئاتر"), "q3": .number(4)], revision: true), to: "survey-s")
        try await log.append(SurveyAnsweredAnonymously(pseudonym: "anon-1", respondentKind: "faculty", university: "yazd", answers: ["q1": .choice("کتاب"), "q3": .number(3)], isRevision: false), to: "survey-s")

        // One event a page, and no response held: the revision's counts are taken back from its
        // written row.
        let runner = log.runner([SurveyResultsProjector(maximumHeldResponses: 0)], pageSize: 1)
        try runner.catchUp()
        let results = try #require(try SurveyResults.read("s", in: log.model))
        #expect(results.responses == 4 && results.complete == 3 && results.partial == 1)
        #expect(results.byUniversity == ["ut": 2, "sharif": 1, "yazd": 1])
        let choice = results.questions[0]
        #expect(choice.counts.map(\.value) == ["کتاب", "تئاتر"] && choice.counts.map(\.count) == [2, 2])
        let likert = results.questions[2]
        #expect(likert.mean == 3.5 && likert.answered == 4)
        #expect(likert.counts.map(\.count) == [0, 1, 1, 1, 1])
        #expect(try SurveyResults.read("none", in: log.model) == nil)

        // Rebuilt in one page, every response held: the revision cancels in memory, and the
        // tables hold the same rows, with no zero count.
        let caughtUp = try runner.status()
        let rebuilding = log.runner([SurveyResultsProjector()], pageSize: 1000)
        try rebuilding.rebuild()
        #expect(try rebuilding.status().map(\.contentHash) == caughtUp.map(\.contentHash) && caughtUp.first?.contentHash != nil)
        #expect(try log.rows("SELECT COUNT(*) FROM survey_counts WHERE respondents <= 0").first?[0] as Int? == 0)
        #expect(try log.rows("SELECT respondents FROM survey_answered WHERE question_id = 'q2'").first?[0] as Int? == 1)
    }

    /// A fold that begins after the survey's draft was written reads its questions' conditions
    /// back from their rows, and judges completeness by them as the first fold did.
    @Test func aLaterFoldJudgesCompletenessByTheStoredConditions() async throws {
        let log = try ProjectionLog()
        let definition = SurveyDefinition(
            title: "t", description: "", audience: Audience(), opensAt: Date(timeIntervalSince1970: 0), closesAt: Date(timeIntervalSince1970: 9_999_999_999),
            questions: [
                SurveyQuestion(id: "q1", text: "چند؟", kind: .scale),
                SurveyQuestion(id: "q2", text: "چرا ده؟", kind: .shortText, isRequired: false, showIf: .init(questionId: "q1", equals: .number(10))),
            ],
            allowsEditing: true)
        try await log.append(SurveyDrafted(surveyId: "s", definition: definition), to: "survey-s")
        try log.runner([SurveyResultsProjector()]).catchUp()
        func answered(_ who: String, _ answers: [String: SurveyAnswerValue]) -> SurveyAnswered {
            SurveyAnswered(respondent: who, respondentKind: "student", university: "ut", answers: answers, isRevision: false)
        }
        // Ten shows q2: p-1 leaves it unanswered (partial); p-2 answers it; p-3's nine hides it.
        try await log.append(answered("p-1", ["q1": .number(10)]), to: "survey-s")
        try await log.append(answered("p-2", ["q1": .number(10), "q2": .text("چون")]), to: "survey-s")
        try await log.append(answered("p-3", ["q1": .number(9)]), to: "survey-s")
        try log.runner([SurveyResultsProjector()]).catchUp()
        let results = try #require(try SurveyResults.read("s", in: log.model))
        #expect(results.responses == 3 && results.complete == 2 && results.partial == 1)
        #expect(try log.rows("SELECT respondent FROM survey_responses WHERE complete = 0").map { $0[0] as String } == ["p-1"])
    }

    @Test func aResponseTalliesReadBackAsWritten() throws {
        let answers: [String: SurveyAnswerValue] = [
            "q:1": .choices(["۱۲:۳", "", "a\u{1F}b"]), "q2": .number(2.5), "q3": .number(-4), "q4": .text("متن ۱۰:۲"), "q5": .choices([]), "چرا": .choice("3:x"),
        ]
        let tallies = ResponseTallies(answers.map { SurveyResponse.Answer(question: $0.key, value: $0.value) }.sorted { $0.question < $1.question })
        #expect(tallies.answers.map(\.question) == ["q2", "q3", "q4", "q:1", "چرا"])
        #expect(tallies.answers.map(\.values) == [["2.5"], ["-4"], [], ["۱۲:۳", "", "a\u{1F}b"], ["3:x"]])
        #expect(ResponseTallies(stored: tallies.stored) == tallies)
        #expect(ResponseTallies(stored: "") == ResponseTallies([]))
        for broken in ["2:q", "x:q1:0", "2:q13:a", "2:q11:3:a"] {
            #expect(ResponseTallies(stored: broken) == nil, "\(broken)")
        }
    }
}
