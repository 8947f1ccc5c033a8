import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HadafServer
import HTTPTypes
import HummingbirdTesting
import Participation
import Testing

/// One act, one date: an act imported later (its `occurredAt` weeks before it was recorded) is
/// shown on its own Tehran day everywhere a person sees it.
@Suite("The date of an act")
struct ActDateTests {
    @Test func anActImportedLaterIsShownOnItsOwnDay() async throws {
        let fixture = try await ServerFixture.make()
        let actedOn = Date().addingTimeInterval(-20 * 86_400)
        let at = ISO8601DateFormatter().string(from: actedOn)
        try await fixture.test { client in
            let browser = try await Browser.signIn(["student", "deputy-ut"], on: client, fixture: fixture)
            let student = #""actor":{"id":"\#(browser.sessions["student"]!.actorId)","role":"student"}"#
            let deputy = #""actor":{"id":"\#(browser.sessions["deputy-ut"]!.actorId)","role":"university_deputy_officer"}"#
            let runner = CommandRunner(store: fixture.server.store)
            for line in [
                #"{"command":"submission.draft",\#(student),"at":"\#(at)","payload":{"submissionId":"idea-late","content":{"idea":{"title":"شب شعر","summary":"نشست ماهانه","problem":"کم‌رونقی","proposal":"هر ماه یک شب","expectedImpact":"پیوند","category":"literary"}}}}"#,
                #"{"command":"submission.submit",\#(student),"at":"\#(at)","payload":{"submissionId":"idea-late"}}"#,
                #"{"command":"submission.screen",\#(deputy),"at":"\#(at)","payload":{"submissionId":"idea-late","decision":"accepted_for_evaluation"}}"#,
            ] {
                _ = try await runner.run(try CommandRequest.decode(Data(line.utf8)))
            }
            _ = try fixture.server.projections.catchUp()
            let dashboard = try await browser.page("student", "/").html
            let day = JalaliDate(actedOn).persianText
            let today = JalaliDate(Date()).persianText
            #expect(dashboard.contains("<td>\(day)</td>"), "the act's day, \(day), on the dashboard")
            // The submission's row and its points line show the act's day, never the day it was recorded.
            let rows = dashboard.components(separatedBy: "<tr>").filter { $0.contains("idea-late") || $0.contains("جایگاه") }
            #expect(!rows.isEmpty && rows.allSatisfy { !$0.contains("<td>\(today)</td>") }, "\(rows)")
        }
    }
}
