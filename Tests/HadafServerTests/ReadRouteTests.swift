import EventStore
import Foundation
import HadafProjections
import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Read models over HTTP")
struct ReadRouteTests {
    @Test func eachRoleSeesWhatItMayAndNoMore() async throws {
        let fixture = try await ServerFixture.make()
        _ = try fixture.server.projections.catchUp()
        try await fixture.test { client in
            let student = try await client.signIn("student", fixture.passwords["student"]!)
            let faculty = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            let deputy = try await client.signIn("deputy-ut", fixture.passwords["deputy-ut"]!)
            let ministry = try await client.signIn("ministry", fixture.passwords["ministry"]!)
            let cases: [(SignedIn, String, HTTPResponse.Status)] = [
                (student, "/api/v1/participants/\(student.actorId)/scores", .ok),
                (student, "/api/v1/participants/\(faculty.actorId)/scores", .forbidden),
                (deputy, "/api/v1/participants/\(student.actorId)/scores", .ok),
                (ministry, "/api/v1/participants/\(faculty.actorId)/scores?year=1405", .ok),
                (student, "/api/v1/universities/ut/summary?year=1405", .forbidden),
                (deputy, "/api/v1/universities/ut/summary?year=1405", .ok),
                (deputy, "/api/v1/universities/sharif/summary?year=1405", .forbidden),
                (deputy, "/api/v1/universities/ut/eligibility?year=1405", .ok),
                (ministry, "/api/v1/universities/sharif/eligibility?year=۱۴۰۵", .ok),
                (ministry, "/api/v1/universities/sharif/eligibility", .badRequest),
                (ministry, "/api/v1/universities/sharif/eligibility?year=soon", .badRequest),
                (student, "/api/v1/surveys/dorm-culture/results", .forbidden),
                (ministry, "/api/v1/surveys/dorm-culture/results", .ok),
                (ministry, "/api/v1/surveys/none/results", .notFound),
            ]
            for (session, uri, status) in cases {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie]) { response throws in
                    #expect(response.status == status, "\(uri) as \(session.actorId)")
                }
            }
            try await client.execute(uri: "/api/v1/universities/ut/summary?year=1405", method: .get) { response throws in
                    #expect(response.status == .unauthorized)
                }
        }
    }

    @Test func healthAnswersWithoutSigningIn() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: "/health", method: .get) { response throws in
                let body = try response.json()
                #expect(response.status == .ok && body["status"] as? String == "ok")
            }
        }
    }
}
