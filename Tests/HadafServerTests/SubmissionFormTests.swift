import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("The form handler for ideas and experiences")
struct SubmissionFormTests {
    private func idea(csrf: String, key: String?, title: String = "باشگاه کتاب‌خوانی خوابگاه‌ها", category: String = "literary") -> ByteBuffer {
        var fields = [("csrfToken", csrf), ("title", title), ("summary", "گردهمایی ماهانه دانشجویان"), ("problem", "برنامه‌ها کم‌مخاطب‌اند"),
                      ("proposal", "هر ماه یک کتاب"), ("expectedImpact", "مطالعه بیشتر"), ("category", category)]
        if let key { fields.append(("idempotencyKey", key)) }
        return urlEncodedForm(fields)
    }

    @Test func aBrowserIsSentToAConfirmationAndADoubleSubmitLandsOnce() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            let headers: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
            var locations: [String] = []
            for _ in 0..<2 {
                try await client.execute(uri: "/forms/idea", method: .post, headers: headers, body: idea(csrf: session.csrfToken, key: "form-1")) { response throws in
                    #expect(response.status == .seeOther)
                    locations.append(response.headers[.location] ?? "")
                }
            }
            #expect(locations.count == 2 && locations[0] == locations[1] && locations[0].hasPrefix("/forms/submitted/idea-"))
            try await client.execute(uri: locations[0], method: .get, headers: [.cookie: session.cookie]) { response throws in
                #expect(response.text.contains(#"<html lang="fa" dir="rtl">"#) && response.text.contains("ثبت"))
                #expect(response.text.range(of: "[۰-۹]{4}", options: .regularExpression) != nil)
            }
        }
        let events = try fixture.server.store.read(from: 1, limit: 1000)
        #expect(events.filter { $0.type == SubmissionDrafted.eventType }.count == 1)
        #expect(events.filter { $0.type == SubmissionSubmitted.eventType }.count == 1)
        let drafted = try #require(events.first { $0.type == SubmissionDrafted.eventType })
        #expect(String(decoding: drafted.payload, as: UTF8.self).contains("باشگاه کتاب‌خوانی خوابگاه‌ها"))
    }

    @Test func aScriptGetsCreatedAndJSON() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            try await client.execute(uri: "/forms/idea", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: idea(csrf: session.csrfToken, key: nil)) { response throws in
                #expect(response.status == .created)
                let body = try response.json()
                #expect((body["submission_id"] as? String)?.hasPrefix("idea-") == true && (body["positions"] as? [Int])?.count == 2)
            }
        }
    }

    @Test func aMissingFieldIsABadRequestThatNamesItAndAppendsNothing() async throws {
        let fixture = try await ServerFixture.make()
        let head = try fixture.server.store.head()?.position
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            let body = urlEncodedForm([("csrfToken", session.csrfToken), ("title", "عنوان"), ("summary", "خلاصه"), ("category", "literary")])
            try await client.execute(uri: "/forms/idea", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"], body: body) { response throws in
                #expect(response.status == .badRequest)
                let problem = try response.json()
                #expect(problem["code"] as? String == "form.malformed" && problem["field"] as? String == "problem")
            }
            try await client.execute(uri: "/forms/idea", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrfToken=\(session.csrfToken)&title=%E0%A4")) { response throws in
                let field = try response.json()["field"] as? String
                #expect(response.status == .badRequest && field == "title")
            }
            try await client.execute(uri: "/forms/idea", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: idea(csrf: session.csrfToken, key: nil, category: "poetry")) { response throws in
                let problem = try response.json()
                #expect(response.status == .badRequest && problem["field"] as? String == "category")
                #expect((problem["detail"] as? String)?.contains("literary") == true)
            }
            try await client.execute(uri: "/forms/idea", method: .post, headers: [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"],
                                     body: idea(csrf: "stale", key: nil)) { response throws in
                #expect(response.status == .forbidden && response.text.contains(#"dir="rtl""#))
            }
        }
        #expect(try fixture.server.store.head()?.position == head)
    }
}

@Suite("The regulation review form")
struct ContributionFormTests {
    @Test func aFacultyMemberCommentsOnAnArticleOnceAndAStudentOutsideTheAudienceIsRefused() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let faculty = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            let comment = "csrfToken=\(faculty.csrfToken)&kind=comment&article=%DB%B1&text=%D9%85%D8%AC%D9%88%D8%B2&idempotencyKey=c1"
            let headers: HTTPFields = [.cookie: faculty.cookie, .contentType: "application/x-www-form-urlencoded", .accept: "text/html"]
            for _ in 0..<2 {
                try await client.execute(uri: "/forms/regulations/kanoon/contributions", method: .post, headers: headers, body: ByteBuffer(string: comment)) { response throws in
                    #expect(response.status == .seeOther && response.headers[.location] == "/regulations/kanoon#article-1")
                }
            }
            try await client.execute(uri: "/forms/regulations/kanoon/contributions", method: .post, headers: [.cookie: faculty.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrfToken=\(faculty.csrfToken)&kind=comment&article=first&text=x")) { response throws in
                let field = try response.json()["field"] as? String
                #expect(response.status == .badRequest && field == "article")
            }
            // The demo's round is open to faculty only.
            let student = try await client.signIn("student", fixture.passwords["student"]!)
            try await client.execute(uri: "/forms/regulations/kanoon/contributions", method: .post, headers: [.cookie: student.cookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrfToken=\(student.csrfToken)&kind=comment&article=1&text=x")) { response throws in
                let code = try response.json()["code"] as? String
                #expect(response.status == .forbidden && code == "review.not_in_audience")
            }
        }
        let contributions = try fixture.server.store.read(from: 1, limit: 1000).filter { $0.type == ArticleContributed.eventType }
        #expect(contributions.count == 1)
    }
}

@Suite("The survey form")
struct SurveyFormTests {
    @Test func aStudentAnswersByQuestionIdsInPersianDigitsAndBadAnswersAreNamed() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let student = try await client.signIn("student", fixture.passwords["student"]!)
            let headers: HTTPFields = [.cookie: student.cookie, .contentType: "application/x-www-form-urlencoded"]
            // q2 is a Likert item: "پنج" is not a number; 7 is outside 1–5, which the survey refuses.
            try await client.execute(uri: "/forms/surveys/dorm-culture/answers", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrfToken=\(student.csrfToken)&q1=%D8%AA%D8%A6%D8%A7%D8%AA%D8%B1&q2=%D9%BE%D9%86%D8%AC")) { response throws in
                let field = try response.json()["field"] as? String
                #expect(response.status == .badRequest && field == "q2")
            }
            try await client.execute(uri: "/forms/surveys/dorm-culture/answers", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrfToken=\(student.csrfToken)&q1=%D8%AA%D8%A6%D8%A7%D8%AA%D8%B1&q2=7")) { response throws in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/forms/surveys/dorm-culture/answers", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrfToken=\(student.csrfToken)&q1=%D8%AA%D8%A6%D8%A7%D8%AA%D8%B1&q2=%DB%B4&q3=")) { response throws in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/forms/surveys/nothing/answers", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrfToken=\(student.csrfToken)&q1=x")) { response throws in
                #expect(response.status == .notFound)
            }
        }
        let answered = try #require(try fixture.server.store.read(from: 1, limit: 1000).first { $0.type == SurveyAnswered.eventType })
        let event = try #require(try answered.decode(as: SurveyAnswered.self))
        #expect(event.answers == ["q1": .choice("تئاتر"), "q2": .number(4)])
    }
}
