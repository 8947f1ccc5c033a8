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

@Suite("The command API")
struct CommandRouteTests {
    private let answer = #"{"surveyId":"dorm-culture","answers":{"q1":{"choice":"تئاتر"},"q2":{"number":4}}}"#

    @Test func aStudentAnswersOnceAndARetryWithTheSameKeyReturnsTheFirstResult() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            var headers = session.jsonHeaders
            headers[HTTPField.Name("Idempotency-Key")!] = "answer-1"
            let first = try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post, headers: headers, body: ByteBuffer(string: answer)) { response throws in
                #expect(response.status == .created)
                return try response.json()["positions"] as? [Int]
            }
            let second = try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post, headers: headers, body: ByteBuffer(string: answer)) { response throws in
                try response.json()["positions"] as? [Int]
            }
            #expect(first != nil && first == second)
            let answers = try fixture.server.store.read(from: 1, limit: 1000).filter { $0.type == SurveyAnswered.eventType }
            #expect(answers.count == 1 && answers.first.map { String(decoding: $0.metadataJSON, as: UTF8.self).contains(session.actorId) } == true)
        }
    }

    @Test func aSessionRequestWithoutItsCSRFTokenChangesNothing() async throws {
        let fixture = try await ServerFixture.make()
        let head = try fixture.server.store.head()?.position
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post,
                                     headers: [.cookie: session.cookie, .contentType: "application/json"], body: ByteBuffer(string: answer)) { response throws in
                #expect(response.status == .forbidden)
                #expect((try response.json()["code"] as? String) == "auth.csrf_rejected")
            }
        }
        #expect(try fixture.server.store.head()?.position == head)
    }

    @Test func badBodiesAreProblemsThatNameTheCause() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post, headers: session.jsonHeaders, body: ByteBuffer(string: #"{"surveyId": 7}"#)) { response throws in
                #expect(response.status == .badRequest)
                let problem = try response.json()
                #expect(problem["code"] as? String == "command.malformed" && (problem["detail"] as? String)?.contains("surveyId") == true)
                #expect(problem["detail_fa"] != nil && problem["request_id"] != nil)
            }
            try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post, headers: session.jsonHeaders,
                                     body: ByteBuffer(string: String(repeating: " ", count: 2 << 20))) { response throws in
                #expect(response.status == .contentTooLarge)
                #expect((try response.json()["code"] as? String) == "request.too_large")
            }
            try await client.execute(uri: "/api/v1/commands/survey.vanish", method: .post, headers: session.jsonHeaders, body: ByteBuffer(string: "{}")) { response throws in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/nowhere", method: .get) { response throws in
                #expect(response.status == .notFound && response.headers[.contentType] == "application/problem+json")
            }
            var form = session.jsonHeaders
            form[.contentType] = "text/plain"
            try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post, headers: form, body: ByteBuffer(string: answer)) { response throws in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    /// Every role against every command: a role the table allows gets past the gate to the
    /// payload's own checks (an empty payload is malformed or incomplete); any other gets 403
    /// before its payload is read. Nothing is appended either way.
    @Test func everyRoleMeetsEveryCommandAsTheAccessTableSays() async throws {
        let fixture = try await ServerFixture.make()
        let head = try fixture.server.store.head()?.position
        let logins = ["ministry": Actor.Role.ministryOfficer, "deputy-ut": .universityDeputyOfficer, "student": .student,
                      "faculty": .faculty, "group-rep": .studentGroupRepresentative, "juror": .juror]
        #expect(Set(CommandAccess.roles.keys) == Set(CommandRequest.names))
        try await fixture.test { client in
            for (login, role) in logins {
                let session = try await client.signIn(login, fixture.passwords[login]!)
                for name in CommandRequest.names {
                    let allowed = CommandAccess.roles[name]!.contains(role)
                    try await client.execute(uri: "/api/v1/commands/\(name)", method: .post, headers: session.jsonHeaders, body: ByteBuffer(string: "{}")) { response throws in
                        let code = try response.json()["code"] as? String
                        let refusedByPayload = [.badRequest, .unprocessableContent].contains(response.status) && code != "auth.forbidden"
                        #expect(allowed ? refusedByPayload : (response.status == .forbidden && code == "auth.forbidden"),
                                "\(login) → \(name): \(response.status) \(code ?? "")")
                    }
                }
            }
            for name in CommandRequest.names {
                try await client.execute(uri: "/api/v1/commands/\(name)", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")) { response throws in
                    #expect(response.status == .unauthorized)
                }
            }
        }
        #expect(try fixture.server.store.head()?.position == head)
        // The table itself, where domain.md is explicit: participants act, officers administer.
        #expect(CommandAccess.roles["survey.publish"] == [.ministryOfficer])
        #expect(CommandAccess.roles["submission.draft"]?.contains(.student) == true && CommandAccess.roles["submission.draft"]?.contains(.juror) == false)
    }

    @Test func aDeputyOfficerActsOnTheirOwnUniversityOnly() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("deputy-ut", fixture.passwords["deputy-ut"]!)
            func register(_ university: String, _ code: String) -> ByteBuffer {
                ByteBuffer(string: #"{"kind":"student","university":"\#(university)","displayName":"زهرا","nationalCode":"\#(code)","email":"z@\#(university).ac.ir"}"#)
            }
            try await client.execute(uri: "/api/v1/commands/participant.register", method: .post, headers: session.jsonHeaders, body: register("sharif", "0010350829")) { response throws in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/commands/participant.register", method: .post, headers: session.jsonHeaders, body: register("ut", "0010350829")) { response throws in
                #expect(response.status == .created)
                #expect((try response.json()["participant_id"] as? String)?.hasPrefix("p-") == true)
            }
        }
    }
}
