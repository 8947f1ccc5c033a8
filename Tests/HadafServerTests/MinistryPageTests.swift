import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HadafServer
import HTTPTypes
import HummingbirdTesting
import Participation
import Testing

@Suite("The ministry's pages: regulations and their rounds, festival calls, surveys")
struct MinistryPageTests {
    /// A day `days` from now as an officer types it, in Persian digits.
    private static func typedDay(_ days: Double) -> (text: String, end: Date) {
        let day = JalaliDate(Date().addingTimeInterval(days * 86_400))
        return (Digits.persian(String(format: "%04d/%02d/%02d", day.year, day.month, day.day)), day.start.addingTimeInterval(86_400))
    }

    @Test func aRegulationIsPublishedItsRoundOpenedAndAnotherRoundFinalisedWithTheAdoptedText() async throws {
        let fixture = try await ServerFixture.make()
        let store = fixture.server.store
        try await fixture.test { client in
            let browser = try await Browser.signIn(["ministry", "faculty", "student"], on: client, fixture: fixture)
            #expect(try await browser.page("ministry", "/").html.contains(#"<a href="/regulations">"#))
            let office = try await browser.page("ministry", "/regulations")
            #expect(office.status == .ok && office.html.contains("آیین‌نامه کانون‌های فرهنگی دانشجویی") && office.html.contains(#"action="/forms/regulations""#))
            #expect(try await browser.page("student", "/regulations").status == .forbidden)

            let typed = [("regulationId", "ethics"), ("kind", "procedure"), ("title", "شیوه‌نامه اخلاق پژوهش")]
            let empty = try await browser.post("ministry", "/forms/regulations", typed + [("articles", " \n\n ")])
            #expect(empty.status == .badRequest && empty.html.contains(#"value="شیوه‌نامه اخلاق پژوهش""#))
            #expect(empty.html.contains(#"<p class="error" id="regulation-articles-error">دست‌کم یک ماده بنویسید.</p>"#))
            #expect(try store.streams(prefixed: "regulation-ethics").isEmpty)
            let published = try await browser.post("ministry", "/forms/regulations", typed + [("articles", "پژوهش با رضایت آگاهانه انجام می‌شود.\nتبصره: رضایت کتبی است.\n\n\nداده‌ها محرمانه می‌مانند.\n")])
            #expect(published.status == .seeOther && published.location == "/regulations?done=ethics#regulation-ethics")
            let text = try #require(try store.readStream("regulation-ethics").first?.decode(as: RegulationPublished.self))
            #expect(text.kind == .procedure && text.articles == [
                RegulationArticle(number: 1, text: "پژوهش با رضایت آگاهانه انجام می‌شود.", notes: ["تبصره: رضایت کتبی است."]),
                RegulationArticle(number: 2, text: "داده‌ها محرمانه می‌مانند."),
            ])

            let badDay = try await browser.post("ministry", "/forms/regulations/ethics/round", [("deadline", "۱۴۰۵/۱۳/۱۵"), ("audience", "student")])
            #expect(badDay.status == .badRequest && badDay.html.contains("«۱۴۰۵/۱۳/۱۵» تاریخی مانند ۱۴۰۵/۰۷/۱۸ نیست.") && badDay.html.contains(#"value="۱۴۰۵/۱۳/۱۵""#))
            let deadline = Self.typedDay(20)
            let opened = try await browser.post("ministry", "/forms/regulations/ethics/round", [("deadline", deadline.text), ("audience", "faculty"), ("universities", "ut، sharif")])
            #expect(opened.status == .seeOther)
            let round = try #require(try store.readStream("regulation-ethics").last?.decode(as: ReviewRoundOpened.self))
            #expect(round.deadline == deadline.end && round.audience == Audience(kinds: ["faculty"], universities: ["ut", "sharif"]))
            _ = try fixture.server.projections.catchUp()
            #expect(try await browser.page("faculty", "/").html.contains(#"<a href="/regulations/ethics">"#))
            #expect(!(try await browser.page("student", "/").html.contains(#"<a href="/regulations/ethics">"#)))
            let early = try await browser.post("ministry", "/forms/regulations/ethics/finalise", [("articles", "")])
            #expect(early.status == .conflict && early.html.contains("پاسخ و جمع‌بندی پس از آن"))

            // A round whose deadline passed: opened and commented on a month and more ago.
            let faculty = browser.sessions["faculty"]!.actorId
            let past = CommandRunner(store: store, clock: ManualClock(Date().addingTimeInterval(-60 * 86_400)))
            let deadlineMs = Int64((Date().addingTimeInterval(-30 * 86_400).timeIntervalSince1970 * 1000).rounded())
            for line in [
                #"{"command":"regulation.publish","actor":{"id":"officer-1","role":"ministry_officer"},"payload":{"regulationId":"old","kind":"regulation","title":"آیین‌نامه کهنه","articles":[{"number":1,"text":"متن نخست.","notes":[]}]}}"#,
                #"{"command":"regulation.open_round","actor":{"id":"officer-1","role":"ministry_officer"},"payload":{"regulationId":"old","deadline":\#(deadlineMs),"audience":{"kinds":[],"universities":[]}}}"#,
                #"{"command":"regulation.contribute","actor":{"id":"\#(faculty)","role":"faculty"},"payload":{"regulationId":"old","contributionId":"p1","kind":"amendment","article":1,"text":"متن بهتر.","rationale":"روشن‌تر است."}}"#,
            ] { _ = try await past.run(try CommandRequest.decode(Data(line.utf8))) }
            let due = try await browser.page("ministry", "/regulations")
            #expect(due.html.contains("مهلت گذشته؛ ۱ پیشنهاد بی‌پاسخ") && due.html.contains(#"action="/forms/regulations/old/finalise""#))
            #expect(try await browser.post("ministry", "/forms/regulations/old/proposals/p1/answer", [("article", "1"), ("verdict", "adopted"), ("reason", "پذیرفتنی")]).status == .seeOther)
            let unchanged = try await browser.post("ministry", "/forms/regulations/old/finalise", [("articles", "متن نخست.")])
            #expect(unchanged.status == .conflict && unchanged.html.contains("متن نخست.</textarea>"))
            #expect(try store.readStream("regulation-old").count == 4)
            let finalised = try await browser.post("ministry", "/forms/regulations/old/finalise", [("articles", "متن بهتر.")])
            #expect(finalised.status == .seeOther)
            let next = try store.readStream("regulation-old").suffix(2)
            #expect(try next.first?.decode(as: RegulationPublished.self)?.articles == [RegulationArticle(number: 1, text: "متن بهتر.")])
            #expect(try next.last?.decode(as: ReviewRoundFinalised.self)?.publishedVersion == 2)
            #expect(try await browser.page("ministry", "/regulations").html.contains("نسخه ۲ — بررسی دور ۱ پایان یافته"))
        }
    }

    @Test func aCallIsOpenedLikeTheCustomaryOneThenClosedItsEntriesConfirmedAndJurorsAppointedAndAssigned() async throws {
        let fixture = try await ServerFixture.make()
        let store = fixture.server.store
        let year = AcademicYear(containing: Date()).startYear
        try await fixture.test { client in
            let browser = try await Browser.signIn(["ministry", "deputy-ut", "student"], on: client, fixture: fixture)
            let form = try await browser.page("ministry", "/festivals/new")
            #expect(form.status == .ok && form.html.contains("ایده‌های دانشجویان") && form.html.contains(#"name="winners-student-ideas""#))
            #expect(try await browser.page("ministry", "/festivals/new?like=hadaf-\(year)").html.contains(#"<option value="hadaf-\#(year)" selected>"#))
            #expect(try await browser.page("student", "/festivals/new").status == .forbidden)

            var fields = [("like", "customary"), ("festivalId", "spring"), ("title", "جشنواره بهاره"), ("year", Digits.persian(year)), ("edition", ""),
                          ("closesOn", Self.typedDay(10).text)]
            for category in CustomaryFestival.sections.flatMap(\.categories) {
                fields += [("winners-\(category.id)", "۲"), ("reserves-\(category.id)", "۱"), ("quota-\(category.id)", ""), ("rials-\(category.id)", "۵۰٬۰۰۰٬۰۰۰")]
            }
            let refused = try await browser.post("ministry", "/forms/festivals", fields.map { $0.0 == "winners-faculty-ideas" ? ($0.0, "دو") : $0 })
            #expect(refused.status == .badRequest && refused.html.contains("«دو» عدد درست نیست.") && refused.html.contains(#"value="جشنواره بهاره""#))
            #expect(try store.streams(prefixed: "festival-spring").isEmpty)
            let opened = try await browser.post("ministry", "/forms/festivals", fields)
            #expect(opened.status == .seeOther && opened.location == "/festivals/spring/office")
            let call = try #require(try store.readStream("festival-spring").first?.decode(as: FestivalOpened.self))
            #expect(call.closesAt == Self.typedDay(10).end && call.year == year)
            #expect(call.sections.flatMap(\.categories).allSatisfy { $0.winners == 2 && $0.reserves == 1 && $0.quotaPerUniversity == nil && $0.prize.rials == 50_000_000 })

            try await browser.command("student", "submission.draft", #"{"submissionId":"idea-spring","content":{"idea":{"title":"باغ کتاب","summary":"کتاب در باغ","problem":"کم‌رونقی","proposal":"نشست هفتگی","expectedImpact":"مطالعه بیشتر","category":"literary"}}}"#)
            try await browser.command("student", "submission.submit", #"{"submissionId":"idea-spring"}"#)
            try await browser.command("deputy-ut", "submission.screen", #"{"submissionId":"idea-spring","decision":"accepted_for_evaluation"}"#)
            _ = try fixture.server.projections.catchUp()

            #expect(!(try await browser.page("ministry", "/festivals/spring/office").html.contains("idea-spring")))
            #expect(try await browser.post("ministry", "/forms/festivals/spring/close", []).location == "/festivals/spring/office?done=close")
            let office = try await browser.page("ministry", "/festivals/spring/office")
            #expect(office.html.contains(#"value="student-ideas|submission:idea-spring""#))
            #expect(try await browser.post("ministry", "/forms/festivals/spring/entries", []).status == .badRequest)
            #expect(try await browser.post("ministry", "/forms/festivals/spring/entries", [("entry", "student-ideas|submission:idea-spring")]).status == .seeOther)
            let confirmed = try #require(try store.readStream("festival-spring").last?.decode(as: FestivalEntriesConfirmed.self))
            #expect(confirmed.entries.map(\.entryId) == ["idea-spring"])

            let unknown = try await browser.post("ministry", "/forms/festivals/spring/jurors", [("nationalCode", "0000000000"), ("sectionId", "ideas")])
            #expect(unknown.status == .unprocessableContent && unknown.html.contains(#"value="0000000000""#))
            #expect(try await browser.post("ministry", "/forms/festivals/spring/jurors", [("nationalCode", "۲۷۲۰۱۲۳۴۵۵"), ("sectionId", "ideas")]).status == .seeOther)
            let appointed = try #require(try store.readStream("festival-spring").last?.decode(as: FestivalJurorAppointed.self))
            #expect(appointed.sectionId == "ideas" && appointed.university == "sharif")
            #expect(try await browser.post("ministry", "/forms/festivals/spring/assign", []).status == .seeOther)
            let assigned = try #require(try store.readStream("festival-spring").last?.decode(as: FestivalJurorsAssigned.self))
            #expect(assigned.assignments == [JurorAssignment(entryId: "idea-spring", jurorId: appointed.jurorId)])
            let after = try await browser.page("ministry", "/festivals/spring/office?done=assign")
            #expect(after.html.contains("آثار به داوران سپرده شدند.") && after.html.contains("ایده‌های خلاقانه: دکتر سارا کریمی"))
            #expect(after.html.contains("<td>باغ کتاب</td><td>ایده‌های دانشجویان</td><td class=\"optional\">دانشگاه تهران</td><td>۱</td>"))
            #expect(try await browser.page("student", "/festivals/spring/office").status == .forbidden)
        }
    }

    @Test func aSurveyIsDraftedWithShowIfThenPublishedAndClosed() async throws {
        let fixture = try await ServerFixture.make()
        let store = fixture.server.store
        try await fixture.test { client in
            let browser = try await Browser.signIn(["ministry", "deputy-ut", "student"], on: client, fixture: fixture)
            let form = try await browser.page("ministry", "/surveys/new")
            #expect(form.status == .ok && form.html.contains(#"name="text-8""#) && !form.html.contains(#"name="text-9""#))
            #expect(try await browser.page("ministry", "/surveys/new?questions=12").html.contains(#"name="text-12""#))
            #expect(try await browser.page("student", "/surveys/new").status == .forbidden)

            let base = [("rows", "8"), ("surveyId", "library"), ("title", "نظرسنجی کتابخانه"), ("opensOn", Self.typedDay(-1).text), ("audience", "student"),
                        ("allowsEditing", "yes"), ("text-1", "از کتابخانه استفاده می‌کنید؟"), ("kind-1", "single"), ("options-1", "بله\nخیر"), ("required-1", "yes")]
            let refused = try await browser.post("ministry", "/forms/surveys", base + [("closesOn", Self.typedDay(-2).text), ("text-3", "کدام؟"), ("kind-3", "single"), ("options-3", "تنها")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains(#"<p class="error" id="survey-closes-error">پایان نظرسنجی باید پس از آغاز آن باشد.</p>"#))
            #expect(refused.html.contains("<p class=\"error\">پرسش گزینه‌ای دست‌کم دو گزینه متفاوت و ناتهی لازم دارد.</p>") && refused.html.contains(#"value="کدام؟""#))
            #expect(try store.streams(prefixed: "survey-library").isEmpty)

            let drafted = try await browser.post("ministry", "/forms/surveys", base + [
                ("closesOn", Self.typedDay(30).text), ("text-2", "چرا نه؟"), ("kind-2", "long"), ("showIfQuestion-2", "۱"), ("showIfAnswer-2", "خیر"),
            ])
            #expect(drafted.status == .seeOther && drafted.location == "/surveys/library/results?done=draft")
            let definition = try #require(try store.readStream("survey-library").first?.decode(as: SurveyDrafted.self)).definition
            #expect(definition.questions == [
                SurveyQuestion(id: "q1", text: "از کتابخانه استفاده می‌کنید؟", kind: .singleChoice(options: ["بله", "خیر"])),
                SurveyQuestion(id: "q2", text: "چرا نه؟", kind: .longText, isRequired: false, showIf: .init(questionId: "q1", equals: .choice("خیر"))),
            ])
            #expect(definition.closesAt == Self.typedDay(30).end && definition.audience.kinds == ["student"] && definition.allowsEditing && !definition.isAnonymous)

            let draft = try await browser.page("ministry", "/surveys/library/results?done=draft")
            #expect(draft.html.contains("پیش‌نویس ثبت شد.") && draft.html.contains(#"action="/forms/surveys/library/publish""#))
            #expect(!(try await browser.page("deputy-ut", "/surveys/library/results").html.contains("/forms/surveys/library/publish")))
            #expect(try await browser.post("deputy-ut", "/forms/surveys/library/publish", []).status == .forbidden)
            #expect(try await browser.post("ministry", "/forms/surveys/library/publish", []).location == "/surveys/library/results?done=publish")
            _ = try fixture.server.projections.catchUp()
            #expect(try await browser.page("student", "/").html.contains(#"<a href="/surveys/library">"#))
            #expect(try await browser.post("ministry", "/forms/surveys/library/close", []).status == .seeOther)
            let closed = try await browser.page("ministry", "/surveys/library/results")
            #expect(closed.html.contains("<p>بسته — ") && !closed.html.contains("/forms/surveys/library/close"))
        }
    }
}
