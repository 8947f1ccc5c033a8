import EventStore
import Foundation
import HadafEvents
import HadafProjections
@testable import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Pages for people: Persian, right to left, forms that keep what was typed")
struct PageTests {
    private let browser: HTTPFields = [.accept: "text/html,application/xhtml+xml", .contentType: "application/x-www-form-urlencoded"]

    @Test func aVisitorIsSentToSignInAndARefusedSignInKeepsTheLoginWithItsReason() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for path in ["/", "/ideas/new"] {
                try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"]) { response throws in
                    #expect(response.status == .seeOther && response.headers[.location] == "/login", "\(path)")
                }
            }
            try await client.execute(uri: "/login", method: .get, headers: [.accept: "text/html"]) { response throws in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<html lang="fa" dir="rtl">"#) && response.text.contains(#"<label for="login">"#))
            }
            let typed = #"student"><script>"#
            try await client.execute(uri: "/login", method: .post, headers: browser, body: urlEncodedForm([("login", typed), ("password", "wrong")])) { response throws in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains(#"value="student&quot;&gt;&lt;script&gt;""#) && !response.text.contains("<script>"))
                #expect(response.text.contains(#"<p class="error" id="login-error">نام کاربری یا گذرواژه نادرست است.</p>"#))
            }
        }
    }

    @Test func aRefusedIdeaComesBackWithWhatWasTypedAndEachReasonBesideItsField() async throws {
        let fixture = try await ServerFixture.make()
        let head = try fixture.server.store.head()?.position
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            var headers = browser
            headers[.cookie] = session.cookie
            let body = urlEncodedForm([("csrfToken", session.csrfToken), ("title", "کتاب‌خوانی \"شبانه\""), ("summary", "خلاصه"), ("category", "sport")])
            try await client.execute(uri: "/forms/idea", method: .post, headers: headers, body: body) { response throws in
                #expect(response.status == .badRequest)
                let page = response.text
                #expect(page.contains(#"value="کتاب‌خوانی &quot;شبانه&quot;""#) && page.contains(">خلاصه</textarea>"))
                for field in ["problem", "proposal", "expectedImpact"] {
                    #expect(page.contains(#"<p class="error" id="\#(field)-error">"#), "\(field)")
                }
                #expect(!page.contains(#"id="title-error""#) && !page.contains(#"id="summary-error""#))
                #expect(page.contains(#"<option value="sport" selected>"#))
            }
        }
        #expect(try fixture.server.store.head()?.position == head)
    }

    @Test func theDashboardListsTheIdeaWithPersianDigitsAndAJalaliDate() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            var headers = browser
            headers[.cookie] = session.cookie
            let idea = urlEncodedForm([
                ("csrfToken", session.csrfToken), ("title", "باشگاه کتاب‌خوانی"), ("summary", "گردهمایی ماهانه"), ("problem", "کم‌خوانی"),
                ("proposal", "باشگاه"), ("expectedImpact", "مطالعه"), ("category", "literary"),
            ])
            try await client.execute(uri: "/forms/idea", method: .post, headers: headers, body: idea) { response throws in
                #expect(response.status == .seeOther)
            }
            _ = try fixture.server.projections.catchUp()
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { response throws in
                #expect(response.status == .ok)
                let row = try #require(response.text.split(separator: "\n").first { $0.contains("باشگاه کتاب‌خوانی") }.map(String.init))
                let shown = row.replacing(/\(idea-[0-9a-f-]+\)/, with: "").replacing(/<[^>]*>/, with: "")
                #expect(shown.contains("در انتظار بررسی") && shown.contains(JalaliDate(Date()).persianText))
                #expect(shown.contains(where: { ("۰"..."۹").contains($0) }) && !shown.contains(where: \.isASCIIDigit), "\(shown)")
                #expect(response.text.contains(#"action="/logout""#) && response.text.contains(session.csrfToken))
            }
        }
    }

    @Test func signingOutEndsTheSessionAndNeedsItsToken() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            var headers = browser
            headers[.cookie] = session.cookie
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: urlEncodedForm([("csrfToken", "stale")])) { response throws in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: urlEncodedForm([("csrfToken", session.csrfToken)])) { response throws in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.cookie: session.cookie]) { response throws in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func figuresReadInPersian() {
        #expect(PersianDisplay.number(30) == "۳۰")
        #expect(PersianDisplay.number(24.5) == "۲۴٫۵")
        #expect(PersianDisplay.number(9.25) == "۹٫۲۵")
        #expect(PersianDisplay.date(Date(timeIntervalSince1970: 1_763_683_200)) == "۳۰ آبان ۱۴۰۴")
        #expect(PersianDisplay.rule("festival.winner") == "برگزیدگی در جشنواره سالانه" && PersianDisplay.status("returned") == "بازگشت برای اصلاح")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

@Suite("The survey's page: every question labelled, choices kept, show-if without JavaScript")
struct SurveyPageTests {
    @Test func aStudentAnswersThroughTheFormAfterARefusalThatKeptTheirChoice() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            _ = try fixture.server.projections.catchUp()
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { response throws in
                #expect(response.text.contains(#"<a href="/surveys/dorm-culture">نظرسنجی برنامه‌های فرهنگی خوابگاه‌ها</a>"#))
                #expect(!response.text.contains("(پاسخ داده‌اید)"))
            }
            try await client.execute(uri: "/surveys/dorm-culture", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { response throws in
                #expect(response.status == .ok)
                #expect(response.text.contains(#"<label class="choice" for="answer-q1-1"><input type="radio" id="answer-q1-1" name="q1" value="تئاتر"> تئاتر</label>"#))
                #expect(response.text.contains("کاملاً موافقم") && response.text.contains(#"<label for="answer-q3">"#))
            }
            let headers: HTTPFields = [.cookie: session.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(
                uri: "/forms/surveys/dorm-culture/answers", method: .post, headers: headers, body: urlEncodedForm([("csrfToken", session.csrfToken), ("q1", "تئاتر")])
            ) { response throws in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains(#"value="تئاتر" checked>"#) && response.text.contains(#"<p class="error" id="q2-error">"#))
            }
            let answers = urlEncodedForm([("csrfToken", session.csrfToken), ("q1", "تئاتر"), ("q2", "4"), ("q3", "گفت‌وگو پس از اجرا")])
            try await client.execute(uri: "/forms/surveys/dorm-culture/answers", method: .post, headers: headers, body: answers) { response throws in
                #expect(response.status == .seeOther && response.headers[.location] == "/surveys/dorm-culture/answered")
            }
            try await client.execute(uri: "/surveys/dorm-culture/answered", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { response throws in
                #expect(response.status == .ok && response.text.contains("نظرسنجی برنامه‌های فرهنگی خوابگاه‌ها") && response.text.contains(JalaliDate(Date()).persianText))
            }
            _ = try fixture.server.projections.catchUp()
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { response throws in
                #expect(response.text.contains("(پاسخ داده‌اید)"))
            }
        }
    }

    @Test func answersToQuestionsTheEarlierAnswersHideAreLeftOut() throws {
        let definition = SurveyDefinition(
            title: "نظرسنجی", description: "", audience: Audience(), opensAt: Date(), closesAt: Date(),
            questions: [
                SurveyQuestion(id: "went", text: "به اردو رفتید؟", kind: .singleChoice(options: ["بله", "خیر"])),
                SurveyQuestion(id: "liked", text: "اردو خوب بود.", kind: .likert, showIf: .init(questionId: "went", equals: .choice("بله"))),
                SurveyQuestion(id: "why", text: "چرا؟", kind: .longText, isRequired: false, showIf: .init(questionId: "liked", equals: .number(1))),
            ],
            allowsEditing: false)
        var fields = FormFields()
        fields.append("went", "خیر")
        fields.append("liked", "۱")
        fields.append("why", "دور بود")
        #expect(try SurveyFormRoutes.answers(fields, to: definition) == ["went": .choice("خیر")])
        fields = FormFields()
        fields.append("went", "بله")
        fields.append("liked", "۱")
        fields.append("why", "دور بود")
        #expect(try SurveyFormRoutes.answers(fields, to: definition) == ["went": .choice("بله"), "liked": .number(1), "why": .text("دور بود")])
        let account = Account(login: "student", actor: Actor(id: "p-1", role: .student), university: "ut")
        let page = SurveyFormPage(account: PageAccount(account, csrfToken: "t"), surveyId: "s", definition: definition)
        #expect(page.questions[1].condition?.answer == "بله" && page.questions[2].condition?.answer == "کاملاً مخالفم")
        #expect(page.questions[2].condition?.questionNumber == "۲")
    }
}
