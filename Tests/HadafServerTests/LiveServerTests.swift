import Foundation
import HadafProjections
import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("A real server on 127.0.0.1")
struct LiveServerTests {
    /// Over a real socket: sign in, answer the demo survey, and read the answer back from the
    /// live read model the server's projectors keep.
    @Test func aStudentAnswersOverARealConnectionAndTheResultsFollow() async throws {
        let fixture = try await ServerFixture.make()
        let projections = Task { try await fixture.server.projections.follow(idleCheck: .milliseconds(50)) }
        defer { projections.cancel() }
        try await fixture.test(.live) { client in
            let student = try await client.signIn("student", fixture.passwords["student"]!)
            try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post, headers: student.jsonHeaders,
                                     body: ByteBuffer(string: #"{"surveyId":"dorm-culture","answers":{"q1":{"choice":"اردو"},"q2":{"number":5}}}"#)) { response throws in
                #expect(response.status == .created)
            }
            let ministry = try await client.signIn("ministry", fixture.passwords["ministry"]!)
            var responses = 0
            for _ in 0..<100 where responses == 0 {
                responses = try await client.execute(uri: "/api/v1/surveys/dorm-culture/results", method: .get, headers: [.cookie: ministry.cookie]) { response throws in
                    (try? response.json()["responses"] as? Int) ?? 0
                }
                if responses == 0 { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(responses == 1)
        }
    }
}
