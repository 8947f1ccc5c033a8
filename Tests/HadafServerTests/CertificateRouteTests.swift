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

@Suite("Certificates on the web: issued through the API, shown to their recipient, verified by anyone")
struct CertificateRouteTests {
    /// Sends a command as `session` and returns the JSON answer, recording an issue unless created.
    private func command(_ name: String, _ payload: String, as session: SignedIn, _ client: any TestClientProtocol) async throws -> [String: Any] {
        try await client.execute(uri: "/api/v1/commands/\(name)", method: .post, headers: session.jsonHeaders, body: ByteBuffer(string: payload)) { response throws in
            #expect(response.status == .created, "\(name): \(response.text)")
            return try response.json()
        }
    }

    @Test func aStudentsCertificateIsTheirsToSeeAndAnyoneCanVerifyItsCode() async throws {
        let fixture = try await ServerFixture.make()
        let policy = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Projections/policies/1405.json"), encoding: .utf8)
        try await fixture.test { client in
            var sessions: [String: SignedIn] = [:]
            for login in ["ministry", "deputy-ut", "student", "faculty"] { sessions[login] = try await client.signIn(login, fixture.passwords[login]!) }
            _ = try await command("policy.adopt", #"{"policy":\#(policy)}"#, as: sessions["ministry"]!, client)
            let idea = #"{"submissionId":"idea-web-1","content":{"idea":{"title":"شب شعر خوابگاه","summary":"نشست ماهانه شعرخوانی","problem":"کم‌رونقی برنامه‌ها","proposal":"هر ماه یک شب شعر","expectedImpact":"پیوند دانشجویان","category":"literary"}}}"#
            _ = try await command("submission.draft", idea, as: sessions["student"]!, client)
            _ = try await command("submission.submit", #"{"submissionId":"idea-web-1"}"#, as: sessions["student"]!, client)
            _ = try await command("submission.screen", #"{"submissionId":"idea-web-1","decision":"accepted_for_evaluation"}"#, as: sessions["deputy-ut"]!, client)
            _ = try fixture.server.projections.catchUp()
            let year = AcademicYear(containing: Date()).startYear
            let issued = try await command(
                "award.issue", #"{"recipient":"\#(sessions["student"]!.actorId)","kind":"participation_certificate","academicYear":\#(year)}"#, as: sessions["deputy-ut"]!, client)
            let awardId = try #require(issued["award_id"] as? String)
            #expect(awardId == "ut-\(year)-1")

            try await client.execute(uri: "/", method: .get, headers: [.cookie: sessions["student"]!.cookie]) { response throws in
                #expect(response.text.contains(#"<a href="/certificates/\#(awardId)">گواهی مشارکت</a>"#) && response.text.contains("در اعتبار"))
            }
            let page = try await client.execute(uri: "/certificates/\(awardId)", method: .get, headers: [.cookie: sessions["student"]!.cookie]) { response throws in
                #expect(response.status == .ok)
                return response.text
            }
            #expect(page.contains("گواهی مشارکت") && page.contains("<svg") && page.contains("application/vc+json"))
            let code = try #require(page.range(of: #"verify?code="#).map { String(page[$0.upperBound...].prefix(14)) })
            try await client.execute(uri: "/certificates/\(awardId)", method: .get, headers: [.cookie: sessions["faculty"]!.cookie]) { response throws in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/certificates/\(awardId)", method: .get, headers: [.cookie: sessions["deputy-ut"]!.cookie]) { response throws in
                #expect(response.status == .ok)
            }

            // Anyone, signed in or not.
            try await client.execute(uri: "/certificates/verify?code=\(code)", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.text.contains("گواهی معتبر است") && response.text.contains(awardId) && response.text.contains("دانشگاه تهران"))
            }
            try await client.execute(uri: "/certificates/verify?code=ZZZZ-ZZZZ-ZZZZ", method: .get) { response throws in
                #expect(response.text.contains("گواهی معتبر نیست"))
            }
            try await client.execute(uri: "/api/v1/certificates/verify?code=\(code)", method: .get) { response throws in
                #expect(try response.json()["verdict"] as? String == "valid")
            }
            try await client.execute(uri: "/api/v1/certificates/verify", method: .get) { response throws in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/.well-known/hadaf-public-key", method: .get) { response throws in
                let key = try response.json()
                #expect(key["public_key"] as? String == fixture.server.signingKey.publicKey)
                #expect((key["did_key"] as? String)?.hasPrefix("did:key:z6Mk") == true)
            }

            _ = try await command("award.revoke", #"{"awardId":"\#(awardId)","reason":"صدور نادرست"}"#, as: sessions["deputy-ut"]!, client)
            try await client.execute(uri: "/certificates/verify?code=\(code)", method: .get) { response throws in
                #expect(response.text.contains("گواهی لغو شده است") && response.text.contains("صدور نادرست"))
            }
            try await client.execute(uri: "/certificates/\(awardId)", method: .get, headers: [.cookie: sessions["student"]!.cookie]) { response throws in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: sessions["student"]!.cookie]) { response throws in
                #expect(response.text.contains("لغوشده") && !response.text.contains("/certificates/\(awardId)"))
            }
        }
    }
}
