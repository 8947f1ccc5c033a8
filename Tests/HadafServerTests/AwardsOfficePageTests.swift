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

@Suite("The awards office and the audit in the browser, for deputy officers and the ministry")
struct AwardsOfficePageTests {
    @Test func aDeputyIssuesFromTheEligibleListRevokesWithAReasonAndReadsACleanAudit() async throws {
        let fixture = try await ServerFixture.make()
        let policy = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Projections/policies/1405.json"), encoding: .utf8)
        let year = AcademicYear(containing: Date()).startYear
        try await fixture.test { client in
            let browser = try await Browser.signIn(["ministry", "deputy-ut", "student"], on: client, fixture: fixture)
            let (command, page, post) = (browser.command, browser.page, browser.post)
            try await command("ministry", "policy.adopt", #"{"policy":\#(policy)}"#)
            try await command("ministry", "award.allocate_budget", #"{"university":"ut","academicYear":\#(year),"lineId":"grants","title":"گرنت‌های دانشجویی","rials":500000000}"#)
            try await command("student", "submission.draft", #"{"submissionId":"idea-office-1","content":{"idea":{"title":"کتاب‌خوانی","summary":"نشست ماهانه","problem":"کم‌رونقی","proposal":"هر ماه یک کتاب","expectedImpact":"مطالعه بیشتر","category":"literary"}}}"#)
            try await command("student", "submission.submit", #"{"submissionId":"idea-office-1"}"#)
            try await command("deputy-ut", "submission.screen", #"{"submissionId":"idea-office-1","decision":"accepted_for_evaluation"}"#)
            _ = try fixture.server.projections.catchUp()

            #expect(try await page("deputy-ut", "/").1.contains(#"<a href="/awards">"#))
            let office = try await page("deputy-ut", "/awards")
            #expect(office.0 == .ok)
            #expect(office.1.contains("مریم احمدی") && office.1.contains("گواهی مشارکت") && office.1.contains("۵۰۰٬۰۰۰٬۰۰۰ ریال"))
            #expect(try await page("student", "/awards").0 == .forbidden)
            #expect(try await page("deputy-ut", "/awards?university=sharif").0 == .forbidden)
            #expect(try await page("ministry", "/awards").0 == .badRequest)
            let ministry = try await page("ministry", "/awards?university=ut")
            #expect(ministry.0 == .ok && ministry.1.contains(#"action="/forms/awards/budget""#) && !office.1.contains(#"action="/forms/awards/budget""#))
            let allocated = try await post("ministry", "/forms/awards/budget", [("university", "ut"), ("academicYear", "\(year)"), ("lineId", "grants"), ("title", "گرنت"), ("rials", "۲۵۰٬۰۰۰٬۰۰۰")])
            #expect(allocated.0 == .seeOther)
            #expect(try await post("deputy-ut", "/forms/awards/budget", [("university", "ut"), ("academicYear", "\(year)"), ("lineId", "x"), ("title", "x"), ("rials", "1")]).0 == .forbidden)
            #expect(try await page("deputy-ut", "/awards").1.contains("۷۵۰٬۰۰۰٬۰۰۰ ریال"))

            let student = browser.sessions["student"]!.actorId
            let base = [("university", "ut"), ("academicYear", "\(year)"), ("recipient", student)]
            let issued = try await post("deputy-ut", "/forms/awards", base + [("kind", "participation_certificate")])
            #expect(issued.0 == .seeOther && issued.2 == "/awards?university=ut&year=\(year)&done=ut-\(year)-1")
            let refused = try await post("deputy-ut", "/forms/awards", base + [("kind", "educational_grant"), ("rials", "۱۰۰٬۰۰۰"), ("budgetLine", "grants")])
            #expect(refused.0 == .unprocessableContent)
            #expect(refused.1.contains("شایسته «گرنت آموزشی و توانمندسازی» نیست"))

            let after = try await page("deputy-ut", "/awards?done=ut-\(year)-1")
            #expect(after.1.contains("«ut-\(year)-1» ثبت شد.") && after.1.contains(#"<a href="/certificates/ut-\#(year)-1">"#) && after.1.contains("در اعتبار"))
            let noReason = try await post("deputy-ut", "/forms/awards/ut-\(year)-1/revoke", [("reason", " ")])
            #expect(noReason.0 == .unprocessableContent)
            let revoked = try await post("deputy-ut", "/forms/awards/ut-\(year)-1/revoke", [("reason", "صدور نادرست")])
            #expect(revoked.0 == .seeOther)
            #expect(try await page("deputy-ut", "/awards").1.contains("لغوشده: صدور نادرست"))

            let summary = try await page("deputy-ut", "/university")
            #expect(summary.0 == .ok && summary.1.contains("مشارکت دانشگاه تهران") && summary.1.contains("<td>مریم احمدی</td><td>گواهی مشارکت</td><td>۲۰</td>"))
            #expect(summary.1.contains("<td>ایده‌پردازی و تجربه‌نگاری</td><td>۱</td>"))
            #expect(try await page("student", "/university").0 == .forbidden)
            #expect(try await page("ministry", "/university?university=ut&year=\(Digits.persian(year))").0 == .ok)

            let dashboard = try await page("ministry", "/").1
            #expect(dashboard.contains(#"<a href="/surveys/dorm-culture/results">"#) && dashboard.contains(#"<a href="/awards?university=sharif">"#))
            let results = try await page("ministry", "/surveys/dorm-culture/results")
            #expect(results.0 == .ok && results.1.contains("۰ پاسخ"))
            #expect(try await page("student", "/surveys/dorm-culture/results").0 == .forbidden)

            let audit = try await page("deputy-ut", "/audit")
            #expect(audit.0 == .ok && audit.1.contains("یافته‌ای نیست") && audit.1.contains("مشوق‌های سنجیده: ۱ (در انتظار تأیید: ۰، لغوشده: ۱)"))
        }
    }
}
