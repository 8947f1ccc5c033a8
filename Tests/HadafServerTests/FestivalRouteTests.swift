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

@Suite("The festival over HTTP: a juror's blinded entries, scoring and the announced winners")
struct FestivalRouteTests {
    @Test func aJurorScoresABlindedEntryAndTheAnnouncementIsPublishedAndVerified() async throws {
        let fixture = try await ServerFixture.make()
        let festival = "hadaf-\(AcademicYear(containing: Date()).startYear)"
        try await fixture.test { client in
            var sessions: [String: SignedIn] = [:]
            for login in ["ministry", "deputy-ut", "student", "juror"] { sessions[login] = try await client.signIn(login, fixture.passwords[login]!) }
            func run(_ login: String, _ command: String, _ payload: String, expecting status: HTTPResponse.Status = .created) async throws {
                try await client.execute(
                    uri: "/api/v1/commands/\(command)", method: .post, headers: sessions[login]!.jsonHeaders, body: ByteBuffer(string: payload)
                ) { response throws in
                    #expect(response.status == status, "\(login) \(command): \(String(buffer: response.body))")
                }
            }
            func get(_ login: String, _ path: String) async throws -> String {
                try await client.execute(uri: "/api/v1/festivals/\(festival)/\(path)", method: .get, headers: [.cookie: sessions[login]!.cookie]) { response throws in
                    #expect(response.status == .ok, "\(login) \(path)")
                    return String(buffer: response.body)
                }
            }
            let idea = #"{"submissionId":"dorm-library","content":{"idea":{"title":"کتابخانه شبانه خوابگاه","summary":"کتابخانه‌ای که شب‌ها باز است","problem":"کتابخانه‌ها شب بسته‌اند","proposal":"قفسه‌های امانی در خوابگاه","expectedImpact":"مطالعه بیشتر","category":"literary"}}}"#
            try await run("student", "submission.draft", idea)
            try await run("student", "submission.submit", #"{"submissionId":"dorm-library"}"#)
            try await run("deputy-ut", "submission.screen", #"{"submissionId":"dorm-library","decision":"accepted_for_evaluation"}"#)
            try await run("deputy-ut", "festival.nominate", #"{"festivalId":"\#(festival)","submissionId":"dorm-library","categoryId":"student-ideas"}"#)
            try await run("ministry", "festival.confirm_entries", #"{"festivalId":"\#(festival)","entries":[{"submissionId":"dorm-library","categoryId":"student-ideas"}]}"#, expecting: .conflict)
            try await run("ministry", "festival.close_call", #"{"festivalId":"\#(festival)"}"#)
            _ = try fixture.server.projections.catchUp()
            #expect(try await get("ministry", "proposals").contains(#""nominated":true"#))
            try await run("ministry", "festival.confirm_entries", #"{"festivalId":"\#(festival)","entries":[{"submissionId":"dorm-library","categoryId":"student-ideas"}]}"#)
            try await run("ministry", "festival.assign_jurors", #"{"festivalId":"\#(festival)"}"#)

            // The juror sees the work and the rubric, and nothing that names its author or university.
            let blinded = try await get("juror", "assignments")
            #expect(blinded.contains("کتابخانه شبانه خوابگاه") && blinded.contains(#""id":"originality""#))
            #expect(!blinded.contains(sessions["student"]!.actorId) && !blinded.contains("university") && !blinded.contains(#""ut""#))
            // Nor the id its submitter chose: the juror knows it by a neutral number, and scores by it.
            #expect(!blinded.contains("dorm-library") && blinded.contains(#""number":1"#))
            let scores = #"{"festivalId":"\#(festival)","entryNumber":1,"scores":[{"criterion":"originality","score":9},{"criterion":"impact","score":8},{"criterion":"feasibility","score":7}]}"#
            try await run("student", "festival.score", scores, expecting: .forbidden)
            try await run("juror", "festival.score", scores)
            #expect(try await get("juror", "assignments").contains(#""my_scores":[{"criterion":"feasibility","score":7}"#))

            // One score of the three the category needs: announced, but not ranked.
            #expect(try await get("student", "winners").contains(#""announced":false"#))
            try await run("ministry", "festival.announce_winners", #"{"festivalId":"\#(festival)"}"#)
            let standings = try await get("ministry", "standings")
            #expect(standings.contains(#""outcome":"too_few_scores""#))
            let winners = try await get("student", "winners")
            #expect(winners.contains(#""announced":true"#) && !winners.contains("dorm-library"))
            #expect(try await get("deputy-ut", "verification").contains(#""verdict":"confirmed""#))
            try await run("juror", "festival.score", scores, expecting: .conflict)
        }
    }
}
