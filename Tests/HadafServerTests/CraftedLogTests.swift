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

/// Hostile input through the server: queries and commands with extreme values, and logs holding
/// events appended around the commands (an import, a raw append). No request may stop the
/// process, and no event may close a page for good.
@Suite("Hostile queries and crafted logs, through the server")
struct CraftedLogTests {
    /// Appends `payload` as an event of `type` straight to the log, as `hadaf append` or an import would.
    private func plant(_ type: String, _ payload: String, on stream: String, in fixture: ServerFixture) async throws {
        _ = try await fixture.server.store.append([NewEvent(type: type, payload: Data(payload.utf8), metadata: EventMetadata(actorId: "intruder"))], to: stream)
    }

    @Test func yearsNearIntMaxInAQueryAreRefusedNotTrapped() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let browser = try await Browser.signIn(["student", "ministry", "deputy-ut"], on: client, fixture: fixture)
            let student = browser.sessions["student"]!
            for year in ["9223372036854775807-0", "9223372036854775807", "-1", "-5", "99999999999"] {
                let query = year.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? year
                for (login, path) in [
                    ("student", "/api/v1/participants/\(student.actorId)/scores?year=\(query)"), ("deputy-ut", "/awards?year=\(query)"),
                    ("deputy-ut", "/university?year=\(query)"), ("deputy-ut", "/audit?year=\(query)"),
                    ("ministry", "/api/v1/universities/ut/summary?year=\(query)"), ("ministry", "/api/v1/universities/ut/eligibility?year=\(query)"),
                ] {
                    let (status, body) = try await browser.page(login, path)
                    #expect(status == .badRequest, "\(path): \(status) \(body.prefix(200))")
                }
            }
        }
    }

    @Test func anAllocationOfIntMaxIsRefusedNamingTheField() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let browser = try await Browser.signIn(["ministry"], on: client, fixture: fixture)
            for rials in ["9223372036854775807", "-1", "1000000000000001", "1.5", "9223372036854775808"] {
                let payload = #"{"university":"ut","academicYear":1404,"lineId":"grants","title":"گرنت","rials":\#(rials)}"#
                try await client.execute(
                    uri: "/api/v1/commands/award.allocate_budget", method: .post, headers: browser.sessions["ministry"]!.jsonHeaders, body: ByteBuffer(string: payload)
                ) { response throws in
                    #expect([.badRequest, .unprocessableContent].contains(response.status), "\(rials): \(response.status)")
                    #expect(try response.json()["field"] as? String == "rials", "\(rials): \(response.text)")
                }
            }
            let form = try await browser.post("ministry", "/forms/awards/budget", [("university", "ut"), ("academicYear", "1404"), ("lineId", "x"), ("title", "x"), ("rials", "9223372036854775807")])
            #expect(form.status == .unprocessableContent || form.status == .badRequest)
        }
    }

    @Test func aLogHoldingOutOfRangeAmountsStillServesEveryPageAndTheAuditNamesThem() async throws {
        let fixture = try await ServerFixture.make()
        let year = AcademicYear(containing: Date()).startYear
        try await plant("award.budget_allocated", #"{"lineId":"grants","title":"x","rials":9223372036854775807}"#, on: "awards-ut-\(year)", in: fixture)
        try await plant("award.budget_allocated", #"{"lineId":"big","title":"x","rials":5000000000000000000}"#, on: "awards-ut-\(year)", in: fixture)
        try await plant("award.budget_allocated", #"{"lineId":"big","title":"x","rials":5000000000000000000}"#, on: "awards-ut-\(year)", in: fixture)
        try await plant("award.budget_allocated", #"{"lineId":"neg","title":"x","rials":-5}"#, on: "awards-ut-\(year)", in: fixture)
        try await plant("award.budget_allocated", #"{"lineId":"fine","title":"x","rials":1000}"#, on: "awards-ut-\(year)", in: fixture)
        _ = try fixture.server.projections.catchUp()
        try await fixture.test { client in
            let browser = try await Browser.signIn(["ministry", "deputy-ut", "student"], on: client, fixture: fixture)
            for (login, path) in [
                ("deputy-ut", "/awards"), ("ministry", "/awards?university=ut"), ("deputy-ut", "/audit"), ("deputy-ut", "/university"), ("student", "/"),
                ("deputy-ut", "/"), ("ministry", "/audit?university=ut"),
            ] {
                let (status, body) = try await browser.page(login, path)
                #expect(status == .ok, "\(login) \(path): \(status) \(body.prefix(300))")
            }
            try await client.execute(uri: "/api/v1/certificates/verify?code=AAAAAAAAAAAA", method: .get) { response in
                #expect(response.status.code < 500, "\(response.status)")
            }
            #expect(try await browser.page("deputy-ut", "/awards").html.contains("۱٬۰۰۰ ریال"))
        }
        let report = try AwardAudit.run(AuditScope(), on: fixture.server.store)
        let unreadable = report.findings.filter { $0.rule == .eventUnreadable }
        #expect(unreadable.count == 4)
        #expect(unreadable.allSatisfy { $0.positions.count == 1 })
    }

    /// Events appended around the commands: amounts and years out of range, a negative share, a
    /// malformed payload of every family the pages read, types no version knows, and schema
    /// versions newer than this code's.
    private func plantEverything(in fixture: ServerFixture) async throws {
        let year = AcademicYear(containing: Date()).startYear
        let stream = "awards-ut-\(year)"
        try await plant("award.budget_allocated", #"{"lineId":"grants","title":"x","rials":9223372036854775807}"#, on: stream, in: fixture)
        try await plant("award.issued", #"{"awardId":"ut-\#(year)-90","recipient":"p","university":"ut","kind":"educational_grant","academicYear":-5,"policyVersion":"x","basis":{"readAt":1,"positions":[1],"points":1},"rials":-7,"budgetLine":"grants","verificationCode":"AAAA-BBBB-CCCC","issuedBy":"o","awaitsSecondApproval":false}"#, on: stream, in: fixture)
        for (type, stream) in [
            ("submission.drafted", "submission-bad"), ("submission.screened", "submission-bad"), ("survey.answered", "survey-dorm-culture"),
            ("regulation.contribution_made", "regulation-kanoon"), ("participant.registered", "participant-bad"), ("festival.entry_scored", "festival-hadaf-\(year)"),
            ("festival.opened", "festival-bad"), ("policy.adopted", "policy-\(year)"), ("university.registered", "university-bad"),
        ] {
            try await plant(type, #"{"nonsense":[1,{"deeper":null}],"rials":9223372036854775807}"#, on: stream, in: fixture)
        }
        try await plant("something.nobody_knows", #"{"a":1}"#, on: "elsewhere-1", in: fixture)
        _ = try await fixture.server.store.append(
            [NewEvent(type: "submission.revised", schemaVersion: 99, payload: Data(#"{"future":true}"#.utf8), metadata: EventMetadata(actorId: "intruder"))],
            to: "submission-bad")
    }

    @Test func everyPageAndReadOfEveryRoleServesACraftedLog() async throws {
        let fixture = try await ServerFixture.make()
        try await plantEverything(in: fixture)
        _ = try fixture.server.projections.catchUp()
        let year = AcademicYear(containing: Date()).startYear
        let ids = ["id": "dorm-culture", "code": "ut", "award": "ut-\(year)-1", "entry": "x", "name": "award.issue"]
        try await fixture.test { client in
            let logins = ["student", "faculty", "group-rep", "deputy-ut", "ministry", "juror"]
            let browser = try await Browser.signIn(logins, on: client, fixture: fixture)
            var paths = Set<String>()
            for path in APIDocument.readPaths {
                var filled = path
                for (name, value) in ids { filled = filled.replacingOccurrences(of: "{\(name)}", with: value) }
                for id in ["kanoon", "hadaf-\(year)", "dorm-culture", "submission-bad", "bad"] where path.contains("{id}") {
                    paths.insert(path.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(of: "{entry}", with: "x")
                        .replacingOccurrences(of: "{award}", with: "ut-\(year)-1"))
                }
                paths.insert(filled)
            }
            for path in paths.sorted() {
                for login in logins {
                    let query = path.contains("?") ? "&" : "?"
                    for suffix in ["", "\(query)university=ut&year=\(year)"] {
                        let (status, body) = try await browser.page(login, path + suffix)
                        #expect(status.code < 500, "\(login) \(path)\(suffix): \(status) \(body.prefix(200))")
                    }
                }
            }
        }
        let report = try AwardAudit.run(AuditScope(), on: fixture.server.store)
        // The two award events, the festival's malformed score, the unreadable opening of
        // festival-bad, and the malformed policy adoption.
        #expect(report.findings.filter { $0.rule == .eventUnreadable }.count == 5, "\(report.findings.map(\.explanation))")
        #expect(try SkippedEvents.all(in: fixture.server.model).count >= 5)
    }
}
