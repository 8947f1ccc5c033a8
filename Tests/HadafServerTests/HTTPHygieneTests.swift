import EventStore
import Foundation
import HadafProjections
@testable import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("HTTP hygiene: headers, early refusals, bounded tokens, sign-in and role before fields")
struct HTTPHygieneTests {
    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for path in ["/health", "/login", "/nowhere", "/api/v1/me"] {
                try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"]) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false, "\(path)")
                    #expect(response.headers[.contentSecurityPolicy]?.contains("style-src 'self' 'sha256-") == true, "\(path): the certificate's style")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path)")
                    #expect(response.headers[.strictTransportSecurity] == nil, "\(path): no HSTS over http")
                }
            }
        }
    }

    @Test func anAccountHoldsABoundedNumberOfAPITokens() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            for index in 0...AccountStore.maximumAPITokens {
                try await client.execute(uri: "/api/v1/tokens", method: .post, headers: session.jsonHeaders) { response in
                    #expect(response.status == (index < AccountStore.maximumAPITokens ? .created : .conflict), "token \(index)")
                }
            }
        }
    }

    @Test func aConfirmationIsShownOnlyForOnesOwnSubmission() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let browser = try await Browser.signIn(["student", "faculty"], on: client, fixture: fixture)
            #expect(try await browser.page("student", "/forms/submitted/no-such-idea").status == .notFound)
            try await browser.command("student", "submission.draft", #"{"submissionId":"idea-mine","content":{"idea":{"title":"کتاب‌خوانی","summary":"نشست","problem":"کم‌رونقی","proposal":"هر ماه یک کتاب","expectedImpact":"مطالعه","category":"literary"}}}"#)
            #expect(try await browser.page("student", "/forms/submitted/idea-mine").status == .ok)
            #expect(try await browser.page("faculty", "/forms/submitted/idea-mine").status == .notFound)
        }
    }

    @Test func roleIsCheckedBeforeAnyField() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let browser = try await Browser.signIn(["student"], on: client, fixture: fixture)
            for path in ["/audit?year=abc", "/university?year=-1", "/awards?year=99999999999"] {
                #expect(try await browser.page("student", path).status == .forbidden, "\(path)")
            }
        }
    }

    @Test func formsCheckSignInAndRoleBeforeAnyField() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let student = try await client.signIn("student", fixture.passwords["student"]!)
            let garbage = ByteBuffer(string: "academicYear=99999999999&rials=abc&%zz")
            for path in ["/forms/awards", "/forms/awards/budget", "/forms/regulations", "/forms/festivals", "/forms/surveys", "/forms/screening/x"] {
                try await client.execute(uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: garbage) { response in
                    #expect(response.status == .unauthorized, "\(path) signed out: \(response.status)")
                }
                try await client.execute(
                    uri: path, method: .post, headers: [.cookie: student.cookie, .contentType: "application/x-www-form-urlencoded"], body: garbage
                ) { response in
                    #expect(response.status == .forbidden, "\(path) as a student: \(response.status)")
                }
            }
        }
    }

    @Test func titlesRefuseNULAndBidiOverrides() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            for title in ["کتاب\\u0000خوانی", "کتاب\\u202Eخوانی", "کتاب\\u2066خوانی", "کتاب\\nخوانی"] {
                let payload = #"{"submissionId":"idea-bad","content":{"idea":{"title":"\#(title)","summary":"s","problem":"p","proposal":"p","expectedImpact":"e","category":"literary"}}}"#
                try await client.execute(uri: "/api/v1/commands/submission.draft", method: .post, headers: session.jsonHeaders, body: ByteBuffer(string: payload)) { response throws in
                    #expect(response.status == .unprocessableContent, "\(title): \(response.text)")
                    #expect(try response.json()["code"] as? String == "text.unprintable")
                    #expect(try response.json()["field"] as? String == "title")
                }
            }
        }
    }

    @Test func othersFailuresNeverLockAPersonOut() async {
        let throttle = LoginThrottle()
        for _ in 0..<LoginThrottle.maximumFailures { await throttle.recordFailure("ministry", from: "203.0.113.9") }
        #expect(await throttle.retryAfter("ministry", from: "203.0.113.9") != nil)
        #expect(await throttle.retryAfter("ministry", from: "198.51.100.7") == nil)
        // One address guessing at many logins is held back too.
        for index in 0..<LoginThrottle.maximumFailuresPerAddress { await throttle.recordFailure("made-up-\(index)", from: "203.0.113.10") }
        #expect(await throttle.retryAfter("someone-else", from: "203.0.113.10") != nil)
        #expect(await throttle.retryAfter("someone-else", from: "198.51.100.7") == nil)
    }

    @Test func theMinistryScreensOnThePagesAsThroughTheAPI() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let browser = try await Browser.signIn(["student", "ministry"], on: client, fixture: fixture)
            try await browser.command("student", "submission.draft", #"{"submissionId":"idea-queue","submit":true,"content":{"idea":{"title":"کتاب‌خوانی شبانه","summary":"نشست","problem":"کم‌رونقی","proposal":"هر ماه یک کتاب","expectedImpact":"مطالعه","category":"literary"}}}"#)
            _ = try fixture.server.projections.catchUp()
            let queue = try await browser.page("ministry", "/screening?university=ut")
            #expect(queue.status == .ok && queue.html.contains("کتاب‌خوانی شبانه"), "\(queue.status)")
            #expect(try await browser.page("ministry", "/screening").status == .badRequest)
            #expect(try await browser.page("ministry", "/screening/idea-queue").status == .ok)
            #expect(try await browser.page("student", "/screening").status == .forbidden)
            let missing = try await browser.page("ministry", "/screening/no-such")
            #expect(missing.status == .notFound && Self.heading(missing.html).contains("پیدا نشد") && !Self.heading(missing.html).contains("submission"))
        }
    }

    @Test func aPersianNotFoundPageSpeaksPersianOnly() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: "/no/such/page", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.status == .notFound)
                // The Persian sentence is Persian throughout; the English one stands apart, marked lang="en".
                #expect(Self.heading(response.text) == "صفحه‌ای در این نشانی پیدا نشد.", "\(response.text)")
            }
        }
    }

    /// The text of a page's first heading.
    static func heading(_ html: String) -> String {
        guard let open = html.range(of: "<h1>"), let close = html.range(of: "</h1>", range: open.upperBound..<html.endIndex) else { return "" }
        return String(html[open.upperBound..<close.lowerBound])
    }
}
