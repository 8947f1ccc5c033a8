import EventStore
import Foundation
import HadafEvents
import HadafProjections
@testable import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Participation
import Testing

@Suite("A juror's pages: blinded entries and the rubric as a form")
struct JuryPageTests {
    @Test func aJurorScoresAnEntryThroughTheFormAfterARefusalThatKeptTheChoices() async throws {
        let fixture = try await ServerFixture.make()
        let festival = "hadaf-\(AcademicYear(containing: Date()).startYear)"
        try await fixture.test { client in
            var sessions: [String: SignedIn] = [:]
            for login in ["ministry", "deputy-ut", "student", "juror"] { sessions[login] = try await client.signIn(login, fixture.passwords[login]!) }
            func run(_ login: String, _ command: String, _ payload: String) async throws {
                try await client.execute(uri: "/api/v1/commands/\(command)", method: .post, headers: sessions[login]!.jsonHeaders, body: ByteBuffer(string: payload)) { response throws in
                    #expect(response.status == .created, "\(login) \(command): \(response.text)")
                }
            }
            func page(_ login: String, _ path: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: path, method: .get, headers: [.cookie: sessions[login]!.cookie, .accept: "text/html"]) { ($0.status, $0.text) }
            }
            let idea = #"{"submissionId":"night-library","content":{"idea":{"title":"کتابخانه شبانه","summary":"کتابخانه‌ای که شب‌ها باز است","problem":"بسته بودن شبانه","proposal":"قفسه امانی","expectedImpact":"مطالعه بیشتر","category":"literary"}}}"#
            try await run("student", "submission.draft", idea)
            try await run("student", "submission.submit", #"{"submissionId":"night-library"}"#)
            try await run("deputy-ut", "submission.screen", #"{"submissionId":"night-library","decision":"accepted_for_evaluation"}"#)
            try await run("ministry", "festival.close_call", #"{"festivalId":"\#(festival)"}"#)
            try await run("ministry", "festival.confirm_entries", #"{"festivalId":"\#(festival)","entries":[{"submissionId":"night-library","categoryId":"student-ideas"}]}"#)
            try await run("ministry", "festival.assign_jurors", #"{"festivalId":"\#(festival)"}"#)
            _ = try fixture.server.projections.catchUp()

            let dashboard = try await page("juror", "/")
            #expect(dashboard.1.contains(#"<a href="/festivals/\#(festival)/jury">"#) && dashboard.1.contains("در حال داوری"))
            #expect(try await page("student", "/festivals/\(festival)/jury").0 == .forbidden)
            let list = try await page("juror", "/festivals/\(festival)/jury")
            #expect(list.0 == .ok && list.1.contains("کتابخانه شبانه") && list.1.contains("در انتظار امتیاز"))
            #expect(!list.1.contains(sessions["student"]!.actorId))
            // The juror knows the entry by a neutral number, never by the id its submitter chose.
            #expect(!list.1.contains("night-library") && list.1.contains(#"<a href="/festivals/\#(festival)/jury/1">"#))
            let entry = try await page("juror", "/festivals/\(festival)/jury/1")
            #expect(!entry.1.contains("night-library") && entry.1.contains("اثر شماره ۱"))
            #expect(entry.0 == .ok && entry.1.contains("قفسه امانی") && entry.1.contains(#"<input type="radio" id="score-originality-10" name="originality" value="10">"#))

            let headers: HTTPFields = [.cookie: sessions["juror"]!.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            let csrf = sessions["juror"]!.csrfToken
            let uri = "/forms/festivals/\(festival)/entries/1/scores"
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: "csrfToken=\(csrf)&originality=9&impact=%DB%B8")) { response throws in
                #expect(response.status == .badRequest)
                #expect(response.text.contains(#"value="9" checked>"#) && response.text.contains(#"value="8" checked>"#) && response.text.contains(#"id="feasibility-error""#))
            }
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: "csrfToken=\(csrf)&originality=9&impact=8&feasibility=7")) { response throws in
                #expect(response.status == .seeOther && response.headers[.location] == "/festivals/\(festival)/jury?scored=1")
            }
            let scored = try await page("juror", "/festivals/\(festival)/jury?scored=1")
            #expect(scored.1.contains("امتیاز شما به «کتابخانه شبانه» ثبت شد.") && scored.1.contains("امتیاز داده‌اید"))
            let again = try await page("juror", "/festivals/\(festival)/jury/1")
            #expect(again.1.contains(#"name="feasibility" value="7" checked>"#))
        }
    }
}

@Suite("A regulation under review, article by article")
struct RegulationPageTests {
    @Test func aFacultyMemberCommentsOnAnArticleAfterARefusedProposalKeptItsText() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let faculty = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            let student = try await client.signIn("student", fixture.passwords["student"]!)
            _ = try fixture.server.projections.catchUp()
            func page(_ session: SignedIn, _ path: String) async throws -> String {
                try await client.execute(uri: path, method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { $0.text }
            }
            #expect(try await page(faculty, "/").contains(#"<a href="/regulations/kanoon">آیین‌نامه کانون‌های فرهنگی دانشجویی</a>"#))
            #expect(!(try await page(student, "/")).contains("/regulations/kanoon"))
            let regulation = try await page(faculty, "/regulations/kanoon")
            #expect(regulation.contains(#"<section id="article-2">"#) && regulation.contains(#"<label for="text-1">متن</label>"#))
            // The round is the faculty's: a student reads the regulation without a form.
            #expect(!(try await page(student, "/regulations/kanoon")).contains("<form method=\"post\" action=\"/forms/regulations"))

            let headers: HTTPFields = [.cookie: faculty.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            let proposal = urlEncodedForm([("csrfToken", faculty.csrfToken), ("article", "2"), ("kind", "amendment"), ("text", "هر کانون یک دبیر و دو استاد مشاور دارد.")])
            try await client.execute(uri: "/forms/regulations/kanoon/contributions", method: .post, headers: headers, body: proposal) { response throws in
                #expect(response.status == .unprocessableContent || response.status == .badRequest)
                #expect(response.text.contains(">هر کانون یک دبیر و دو استاد مشاور دارد.</textarea>") && response.text.contains(#"id="rationale-2-error""#))
                #expect(response.text.contains(#"value="amendment" checked>"#))
            }
            let comment = urlEncodedForm([("csrfToken", faculty.csrfToken), ("article", "1"), ("kind", "comment"), ("text", "مجوز دوساله کار کانون‌ها را آسان‌تر می‌کند.")])
            try await client.execute(uri: "/forms/regulations/kanoon/contributions", method: .post, headers: headers, body: comment) { response throws in
                #expect(response.status == .seeOther && response.headers[.location] == "/regulations/kanoon#article-1")
            }
            _ = try fixture.server.projections.catchUp()
            #expect(try await page(faculty, "/regulations/kanoon").contains("نظر (شما): مجوز دوساله کار کانون‌ها را آسان‌تر می‌کند."))
            #expect(try await page(student, "/regulations/kanoon").contains("نظر: مجوز دوساله"))
        }
    }

    @Test func theMinistryAnswersAProposalFromThePageOnceTheRoundsDeadlinePassed() async throws {
        let fixture = try await ServerFixture.make()
        // A round that closed yesterday, with a faculty member's proposal, recorded at their times.
        func instant(days: Double) -> String { ISO8601DateFormatter().string(from: Date().addingTimeInterval(days * 86_400)) }
        let officer = #""actor":{"id":"officer-1","role":"ministry_officer"}"#
        let runner = CommandRunner(store: fixture.server.store)
        for line in [
            #"{"command":"regulation.publish",\#(officer),"at":"\#(instant(days: -10))","payload":{"regulationId":"club-rules","kind":"regulation","title":"آیین‌نامه باشگاه‌ها","articles":[{"number":1,"text":"هر باشگاه یک دبیر دارد.","notes":[]}]}}"#,
            #"{"command":"regulation.open_round",\#(officer),"at":"\#(instant(days: -9))","payload":{"regulationId":"club-rules","deadline":"\#(instant(days: -1))","audience":{"kinds":["faculty"],"universities":[]}}}"#,
            #"{"command":"regulation.contribute","actor":{"nationalCode":"1234567891"},"at":"\#(instant(days: -5))","payload":{"regulationId":"club-rules","contributionId":"p-two","kind":"amendment","article":1,"text":"هر باشگاه دو دبیر دارد.","rationale":"کار زیاد است."}}"#,
        ] {
            _ = try await runner.run(try CommandRequest.decode(Data(line.utf8)))
        }
        _ = try fixture.server.projections.catchUp()
        try await fixture.test { client in
            let ministry = try await client.signIn("ministry", fixture.passwords["ministry"]!)
            let faculty = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            func page(_ session: SignedIn) async throws -> String {
                try await client.execute(uri: "/regulations/club-rules", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { $0.text }
            }
            #expect(try await page(ministry).contains(#"action="/forms/regulations/club-rules/proposals/p-two/answer""#))
            #expect(!(try await page(faculty)).contains("/answer"))
            let headers: HTTPFields = [.cookie: ministry.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/forms/regulations/club-rules/proposals/p-two/answer", method: .post, headers: headers,
                                     body: urlEncodedForm([("csrfToken", ministry.csrfToken), ("article", "1"), ("verdict", "adopted"), ("reason", " ")])) { response throws in
                #expect(response.status == .unprocessableContent && response.text.contains(#"role="alert""#))
            }
            try await client.execute(uri: "/forms/regulations/club-rules/proposals/p-two/answer", method: .post, headers: headers,
                                     body: urlEncodedForm([("csrfToken", ministry.csrfToken), ("article", "1"), ("verdict", "adopted"), ("reason", "کار باشگاه‌ها بیشتر شده است")])) { response throws in
                #expect(response.status == .seeOther && response.headers[.location] == "/regulations/club-rules#article-1")
            }
            _ = try fixture.server.projections.catchUp()
            let answered = try await page(faculty)
            #expect(answered.contains("پاسخ: <strong>پذیرفته شد</strong> (کار باشگاه‌ها بیشتر شده است)"))
            #expect(!(try await page(ministry)).contains("/answer"))
        }
    }

    @Test func anotherFacultyMemberEndorsesAProposalAndItsAuthorWithdrawsAComment() async throws {
        let fixture = try await ServerFixture.make()
        let karimi = try ParticipantRegistry(store: fixture.server.store).participantId(for: NationalCode("2720123455"))
        try fixture.server.accounts.add(Account(login: "karimi", actor: Actor(id: karimi, role: .faculty), university: "sharif"), password: "karimi-password-1")
        try await fixture.test { client in
            let faculty = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            let other = try await client.signIn("karimi", "karimi-password-1")
            func page(_ session: SignedIn, _ path: String) async throws -> String {
                try await client.execute(uri: path, method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { $0.text }
            }
            func post(_ session: SignedIn, _ path: String, _ fields: [(String, String)]) async throws -> (HTTPResponse.Status, String, String?) {
                let headers: HTTPFields = [.cookie: session.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
                return try await client.execute(uri: path, method: .post, headers: headers, body: urlEncodedForm([("csrfToken", session.csrfToken)] + fields)) {
                    ($0.status, $0.text, $0.headers[.location])
                }
            }
            let proposed = try await post(faculty, "/forms/regulations/kanoon/contributions", [
                ("article", "2"), ("kind", "amendment"), ("text", "هر کانون یک دبیر و دو استاد مشاور دارد."), ("rationale", "کانون‌های بزرگ"), ("idempotencyKey", "p-1"),
            ])
            #expect(proposed.0 == .seeOther)
            _ = try await post(faculty, "/forms/regulations/kanoon/contributions", [("article", "1"), ("kind", "comment"), ("text", "مجوز دوساله بهتر است."), ("idempotencyKey", "c-1")])
            _ = try fixture.server.projections.catchUp()

            // A form's contribution id derives from the account's keyed idempotency scope and
            // the form's key.
            let account = try #require(try fixture.server.accounts.authenticate(login: "faculty", password: fixture.passwords["faculty"]!))
            let (proposal, comment) = (FormSubmission.id("c", forKey: account.idempotencyKey("p-1")), FormSubmission.id("c", forKey: account.idempotencyKey("c-1")))
            let theirs = try await page(other, "/regulations/kanoon")
            #expect(theirs.contains("/contributions/\(proposal)/endorse") && !theirs.contains("/withdraw"))
            let mine = try await page(faculty, "/regulations/kanoon")
            #expect(mine.contains("/contributions/\(comment)/withdraw") && !mine.contains("/endorse"))

            let endorsed = try await post(other, "/forms/regulations/kanoon/contributions/\(proposal)/endorse", [("article", "2")])
            #expect(endorsed.0 == .seeOther && endorsed.2 == "/regulations/kanoon#article-2")
            let own = try await post(faculty, "/forms/regulations/kanoon/contributions/\(proposal)/endorse", [("article", "2")])
            #expect(own.0 == .conflict && own.1.contains(#"role="alert""#))
            let withdrawn = try await post(faculty, "/forms/regulations/kanoon/contributions/\(comment)/withdraw", [("article", "1")])
            #expect(withdrawn.0 == .seeOther)
            _ = try fixture.server.projections.catchUp()
            let after = try await page(faculty, "/regulations/kanoon")
            #expect(after.contains("۱ تأیید") && after.contains("(پس گرفته شد)") && !after.contains("/contributions/\(comment)/withdraw"))
        }
    }
}

@Suite("A deputy's screening pages: the queue, near-duplicates and the decision form")
struct ScreeningPageTests {
    @Test func aDeputyRejectsADuplicateAfterARefusalThatKeptTheChoices() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var sessions: [String: SignedIn] = [:]
            for login in ["deputy-ut", "student", "faculty", "juror"] { sessions[login] = try await client.signIn(login, fixture.passwords[login]!) }
            let text = #""summary":"گردهمایی ماهانه دانشجویان خوابگاه برای گفت‌وگو درباره یک کتاب","problem":"کم‌خوانی","proposal":"باشگاه","expectedImpact":"مطالعه","category":"literary""#
            for (login, id) in [("student", "club-a"), ("faculty", "club-b")] {
                for (command, payload) in [
                    ("submission.draft", #"{"submissionId":"\#(id)","content":{"idea":{"title":"باشگاه کتاب‌خوانی خوابگاه‌ها",\#(text)}}}"#),
                    ("submission.submit", #"{"submissionId":"\#(id)"}"#),
                ] {
                    try await client.execute(uri: "/api/v1/commands/\(command)", method: .post, headers: sessions[login]!.jsonHeaders, body: ByteBuffer(string: payload)) { response throws in
                        #expect(response.status == .created, "\(login) \(command)")
                    }
                }
            }
            _ = try fixture.server.projections.catchUp()
            func page(_ login: String, _ path: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: path, method: .get, headers: [.cookie: sessions[login]!.cookie, .accept: "text/html"]) { ($0.status, $0.text) }
            }
            #expect(try await page("deputy-ut", "/").1.contains(#"<a href="/screening">۲ ارسال در انتظار بررسی</a>"#))
            #expect(try await page("juror", "/screening").0 == .forbidden)
            let queue = try await page("deputy-ut", "/screening")
            #expect(queue.1.contains(#"<a href="/screening/club-b">"#) && queue.1.contains("۱ ارسال همانند"))
            let entry = try await page("deputy-ut", "/screening/club-b")
            #expect(entry.1.contains("همانندی ۱۰۰٪") && entry.1.contains(#"<option value="club-a">"#))

            let headers: HTTPFields = [.cookie: sessions["deputy-ut"]!.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            let csrf = sessions["deputy-ut"]!.csrfToken
            let reason = "%D8%AA%DA%A9%D8%B1%D8%A7%D8%B1%DB%8C"  // تکراری
            try await client.execute(uri: "/forms/screening/club-b", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrfToken=\(csrf)&decision=rejected&reason=\(reason)")) { response throws in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains(#"value="rejected" required checked>"#) && response.text.contains(">تکراری</textarea>") && response.text.contains(#"id="ground-error""#))
            }
            try await client.execute(uri: "/forms/screening/club-b", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrfToken=\(csrf)&decision=rejected&ground=duplicate&duplicateOf=club-a&reason=\(reason)")) { response throws in
                #expect(response.status == .seeOther && response.headers[.location] == "/screening?decided=club-b")
            }
            _ = try fixture.server.projections.catchUp()
            let after = try await page("deputy-ut", "/screening?decided=club-b")
            #expect(after.1.contains("تصمیم شما درباره «باشگاه کتاب‌خوانی خوابگاه‌ها» ثبت شد.") && !after.1.contains("/screening/club-b\""))
        }
    }
}
