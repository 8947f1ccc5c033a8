import Foundation
import HadafProjections
import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Signing in")
struct SessionTests {
    @Test func aRightPasswordOpensASessionWithASecureHttpOnlyStrictCookie() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"login":"student","password":"\#(fixture.passwords["student"]!)"}"#)) { response throws in
                #expect(response.status == .created)
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("hadaf_session=") && cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"))
                #expect((try response.json()["role"] as? String) == "student")
            }
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.cookie: session.cookie]) { response throws in
                #expect((try response.json()["login"] as? String) == "student")
            }
            try await client.execute(uri: "/api/v1/session", method: .delete, headers: session.jsonHeaders) { response throws in
                    #expect(response.status == .noContent)
                }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.cookie: session.cookie]) { response throws in
                    #expect(response.status == .unauthorized)
                }
        }
    }

    @Test func aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for attempt in 1...6 {
                try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: #"{"login":"faculty","password":"wrong-password-\#(attempt)"}"#)) { response throws in
                    let problem = try response.json()
                    if attempt <= 5 {
                        #expect(response.status == .unauthorized && problem["code"] as? String == "auth.bad_credentials")
                    } else {
                        #expect(response.status == .tooManyRequests && problem["code"] as? String == "auth.too_many_attempts")
                        #expect(response.headers[.retryAfter] != nil)
                        #expect(response.headers[.contentType] == "application/problem+json")
                    }
                }
            }
            // Even the right password waits out the window.
            try await client.execute(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"login":"faculty","password":"\#(fixture.passwords["faculty"]!)"}"#)) { response throws in
                    #expect(response.status == .tooManyRequests)
                }
        }
    }

    @Test func anAPITokenActsWithoutACookieOrCSRFToken() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            let token = try await client.execute(uri: "/api/v1/tokens", method: .post, headers: session.jsonHeaders) { response throws in
                try #require(response.json()["token"] as? String)
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response throws in
                #expect((try response.json()["login"] as? String) == "student")
            }
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer hadaf_forged"]) { response throws in
                    #expect(response.status == .unauthorized)
                }
        }
    }

    @Test func anAPITokenIsListedWithoutItselfAndRevokedByItsOwnerOnly() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let student = try await client.signIn("student", fixture.passwords["student"]!)
            var tokens: [String] = []
            for _ in 0..<2 {
                tokens.append(try await client.execute(uri: "/api/v1/tokens", method: .post, headers: student.jsonHeaders) { try #require(try $0.json()["token"] as? String) })
            }
            func listed(_ token: String) async throws -> [[String: Any]] {
                try await client.execute(uri: "/api/v1/tokens", method: .get, headers: [.authorization: "Bearer \(token)"]) { response throws in
                    #expect(!tokens.contains { response.text.contains($0) })
                    return try #require(JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
                }
            }
            let ids = try await listed(tokens[1]).compactMap { $0["id"] as? String }
            #expect(ids.count == 2 && ids.allSatisfy { $0.count == 16 })

            // Another account cannot revoke it, nor can a session without its CSRF token.
            let faculty = try await client.signIn("faculty", fixture.passwords["faculty"]!)
            for id in ids {
                try await client.execute(uri: "/api/v1/tokens/\(id)", method: .delete, headers: faculty.jsonHeaders) { response throws in
                    let code = try response.json()["code"] as? String
                    #expect(response.status == .notFound && code == "auth.token_not_found")
                }
                try await client.execute(uri: "/api/v1/tokens/\(id)", method: .delete, headers: [.cookie: student.cookie]) { response throws in
                    #expect(response.status == .forbidden)
                }
            }
            #expect(try await listed(tokens[0]).count == 2)

            // Its owner finds which id is which by listing with each, and revokes the first.
            try await client.execute(uri: "/api/v1/tokens/\(ids[0])", method: .delete, headers: student.jsonHeaders) { response throws in
                #expect(response.status == .noContent)
            }
            let revoked = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(tokens[0])"]) { $0.status }
            let kept = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(tokens[1])"]) { $0.status }
            #expect([revoked, kept].sorted { $0.code < $1.code } == [.ok, .unauthorized])
            let survivor = revoked == .unauthorized ? tokens[1] : tokens[0]
            #expect(try await listed(survivor).compactMap { $0["id"] as? String } == [ids[1]])
            try await client.execute(uri: "/api/v1/tokens/\(ids[0])", method: .delete, headers: student.jsonHeaders) { response throws in
                #expect(response.status == .notFound)
            }
        }
    }
}
