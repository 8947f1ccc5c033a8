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

@Suite("Read models over HTTP")
struct ReadRouteTests {
    /// Every demo role against every read route, for a resource of their own and one not: the
    /// outcome is what docs/server.md says each role may see, and nothing else.
    @Test func everyRoleMeetsEveryReadRouteAsTheRulesSay() async throws {
        let fixture = try await ServerFixture.make()
        _ = try fixture.server.projections.catchUp()
        let logins = ["ministry", "deputy-ut", "student", "faculty", "group-rep", "juror"]
        let readRoutes = Set(APIDocument.operations.filter { $0.method == "get" && $0.path.hasPrefix("/api/v1/") && $0.path.contains("{") }.map(\.path))
        try await fixture.test { client in
            var sessions: [String: SignedIn] = [:]
            for login in logins { sessions[login] = try await client.signIn(login, fixture.passwords[login]!) }
            let people = [(sessions["student"]!.actorId, "ut"), (sessions["juror"]!.actorId, "sharif")]
            var covered: Set<String> = []
            for login in logins {
                let session = sessions[login]!
                let roleName = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.cookie: session.cookie]) { try $0.json()["role"] as? String ?? "" }
                let role = try #require(Actor.Role(rawValue: roleName))
                var cases: [(template: String, uri: String, allowed: Bool)] = []
                for (person, university) in people {
                    let allowed = role == .ministryOfficer || (role == .universityDeputyOfficer ? university == "ut" : person == session.actorId)
                    cases.append(("/api/v1/participants/{id}/scores", "/api/v1/participants/\(person)/scores", allowed))
                }
                for university in ["ut", "sharif"] {
                    let allowed = role == .ministryOfficer || (role == .universityDeputyOfficer && university == "ut")
                    cases.append(("/api/v1/universities/{code}/eligibility", "/api/v1/universities/\(university)/eligibility?year=1405", allowed))
                    cases.append(("/api/v1/universities/{code}/summary", "/api/v1/universities/\(university)/summary?year=1405", allowed))
                }
                cases.append(("/api/v1/surveys/{id}/results", "/api/v1/surveys/dorm-culture/results", [.ministryOfficer, .universityDeputyOfficer].contains(role)))
                let festival = "/api/v1/festivals/hadaf-\(AcademicYear(containing: Date()).startYear)"
                cases.append(("/api/v1/festivals/{id}/proposals", "\(festival)/proposals", role == .ministryOfficer))
                cases.append(("/api/v1/festivals/{id}/standings", "\(festival)/standings", role == .ministryOfficer))
                cases.append(("/api/v1/festivals/{id}/assignments", "\(festival)/assignments", role == .juror))
                cases.append(("/api/v1/festivals/{id}/winners", "\(festival)/winners", true))
                cases.append(("/api/v1/festivals/{id}/verification", "\(festival)/verification", [.ministryOfficer, .universityDeputyOfficer].contains(role)))
                for item in cases {
                    covered.insert(item.template)
                    try await client.execute(uri: item.uri, method: .get, headers: [.cookie: session.cookie]) { response throws in
                        #expect(response.status == (item.allowed ? .ok : .forbidden), "\(login) → \(item.uri)")
                    }
                }
            }
            #expect(covered == readRoutes)
            for template in readRoutes {
                let uri = template.replacingOccurrences(of: "{id}", with: "x").replacingOccurrences(of: "{code}", with: "ut") + "?year=1405"
                try await client.execute(uri: uri, method: .get) { response throws in
                    #expect(response.status == .unauthorized, "\(uri) without signing in")
                }
            }
        }
    }

    @Test func badYearsAndUnknownSurveysAndFestivalsAreNamed() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let ministry = try await client.signIn("ministry", fixture.passwords["ministry"]!)
            let cases: [(String, HTTPResponse.Status)] = [
                ("/api/v1/universities/sharif/eligibility?year=۱۴۰۵", .ok),
                ("/api/v1/universities/sharif/eligibility", .badRequest),
                ("/api/v1/universities/sharif/eligibility?year=soon", .badRequest),
                ("/api/v1/surveys/none/results", .notFound),
                ("/api/v1/festivals/none/standings", .notFound),
                ("/api/v1/festivals/none/winners", .notFound),
            ]
            for (uri, status) in cases {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: ministry.cookie]) { response throws in
                    #expect(response.status == status, "\(uri)")
                }
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
