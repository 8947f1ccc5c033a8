import Foundation
import HadafTestSupport
import Testing

@Suite("hadaf exec and the commands page")
struct ExecTests {
    @Test func everyExampleOnTheCommandsPageRunsAndSucceeds() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let commands = try DocumentedCommands.lines()
        #expect(commands.count >= 25)
        let outcome = try cli.succeed(["exec", "-", "--json"], input: commands.joined(separator: "\n"))
        let results = outcome.standardOutput.split(separator: "\n")
        #expect(results.count == commands.count)
        for (index, result) in results.enumerated() {
            #expect(result.contains(#""ok":true"#), "line \(index + 1): \(result)")
        }
        // Every name that CommandRequest knows is shown on the page.
        for name in ["university.register", "participant.erase", "survey.answer", "regulation.finalise", "submission.screen"] {
            #expect(commands.contains { $0.contains(#""command":"\#(name)""#) }, "\(name) has no example")
        }
        #expect(try cli.succeed(["verify"]).standardOutput.hasPrefix("intact:"))

        // The refusal shown at the end of the page.
        let refused = try cli.run(["exec", "-"], input: #"{"command":"survey.answer","actor":{"nationalCode":"0499370899"},"payload":{"surveyId":"dorm-culture-1405","answers":{"q2":{"number":9}}}}"#)
        #expect(refused.status == 3)
        #expect(refused.standardOutput == "line 1 survey.answer: refused [survey.closed] The survey is closed.\n")
    }

    @Test func malformedLinesAreReportedByLineAndWriteNothing() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let script = [
            #"{"command":"survey.publish","actor":{"id":"o","role":"ministry_officer"},"payload":{}}"#,
            #"{"command":"no.such","actor":{"id":"o","role":"ministry_officer"},"payload":{}}"#,
            "not json",
            #"{"command":"participant.register","actor":{"id":"o","role":"ministry_officer"},"payload":{"kind":"student","university":"ut","displayName":"x","nationalCode":"1111111111","email":"x@ut.ac.ir"}}"#,
        ].joined(separator: "\n")
        let outcome = try cli.run(["exec", "-", "--json"], input: script)
        #expect(outcome.status == 3)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].contains(#""code":"command.malformed""#) && lines[0].contains("surveyId"))
        #expect(lines[1].contains("unknown command 'no.such'"))
        #expect(lines[2].contains(#""code":"command.malformed""#) && lines[2].contains(#""line":3"#))
        #expect(lines[3].contains(#""code":"national_code.invalid""#) && lines[3].contains(#""field":"nationalCode""#) && lines[3].contains("کد ملی"))
        #expect(try cli.succeed(["verify"]).standardOutput.contains("intact: 31 events"))
    }
}

extension ExecTests {
    @Test func scoresShowEachLineWithItsEvidenceOnceAPolicyIsAdopted() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let results = try cli.succeed(["exec", "-", "--json"], input: try DocumentedCommands.lines().joined(separator: "\n")).standardOutput
        // Maryam is the first participant the page registers.
        let registration = try #require(results.split(separator: "\n").first { $0.contains(#""command":"participant.register""#) })
        let maryam = try #require(String(registration).firstMatch(of: /"participantId":"(p-[0-9a-f]+)"/)?.1)

        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let policy = root.appendingPathComponent("Projections/policies/1405.json").path
        #expect(try cli.succeed(["policy", "adopt", policy]).standardOutput.hasPrefix("adopted at position"))
        #expect(try cli.succeed(["policy", "adopt", policy]).standardOutput.hasPrefix("already adopted"))

        let lines = try cli.succeed(["scores", String(maryam), "--year", "۱۴۰۵", "--json"]).standardOutput
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(lines.utf8)) as? [[String: Any]])
        // A named survey, an anonymous one (credited at closing), an idea submitted and accepted,
        // and the festival it won.
        #expect(decoded.compactMap { $0["rule"] as? String }.sorted() == ["festival.winner", "idea.accepted", "idea.submitted", "survey.answered", "survey.answered"])
        #expect(decoded.compactMap { $0["points"] as? Double }.reduce(0, +) == 54)
        #expect(decoded.allSatisfy { $0["policyVersion"] as? String == "1405.1" && $0["academicYear"] as? String == "1405-1406" })
        let text = try cli.succeed(["scores", String(maryam)]).standardOutput
        #expect(text.contains("total: 54.0 points in 5 lines"))
        // Each line's day is its act's (`occurredAt`, the page's "at"), not the day it was recorded.
        for line in text.split(separator: "\n") {
            guard let position = line.firstMatch(of: /event #([0-9]+)/)?.1 else { continue }
            let event = try cli.succeed(["events", "--from", String(position), "--limit", "1", "--json"]).standardOutput
            // An event without `occurredAt` (an anonymous survey's credit, parked until the closing) is dated by its recording.
            let occurred = try #require(event.firstMatch(of: /"occurredAt":"([^"]+)"/)?.1 ?? event.firstMatch(of: /"recordedAt":"([^"]+)"/)?.1)
            let acted = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: String(occurred)))
            #expect(line.hasSuffix(Self.persianDay(acted)), "\(line) (acted \(occurred))")
        }
        // 54 points: a certificate (10), a workshop place (25) and an educational grant (40), not a tourism grant (60).
        let eligible = try cli.succeed(["eligibility", "--university", "ut", "--year", "1405", "--json"]).standardOutput
        for incentive in ["participation_certificate", "workshop_place", "educational_grant"] {
            #expect(eligible.contains(#""incentive":"\#(incentive)","participant":"\#(maryam)""#))
        }
        #expect(!eligible.contains("tourism_grant"))

        // The review the page ran, article by article.
        let digest = try cli.succeed(["regulation-digest", "kanoon-1405", "--json"]).standardOutput
        #expect(digest.contains(#""carriedIn":2"#) && digest.contains(#""endorsements":1"#) && digest.contains(#""verdict":"adopted""#))
        #expect(digest.contains(#""id":"c-karimi-1""#) && digest.contains(#""withdrawn":true"#))
        let surveyResults = try cli.succeed(["survey-results", "dorm-culture-1405", "--json"]).standardOutput
        #expect(surveyResults.contains(#""responses":1"#) && surveyResults.contains(#""partial":1"#))
        let summary = try cli.succeed(["university-summary", "--university", "ut", "--year", "1405", "--json"]).standardOutput
        // Maryam (54 points) and Dr. Rezaei (27: an amendment proposed, adopted and endorsed) each reach a certificate.
        #expect(summary.contains(#""participation_certificate":2"#) && summary.contains(#""points":81"#))

        // The festival the page ran: Maryam's idea won, and the announced list is verified.
        let selection = try cli.succeed(["festival", "select", "hadaf-4"]).standardOutput
        #expect(selection.contains("winner: #1 idea-maryam-1 [ut]"))
        #expect(try cli.succeed(["festival", "verify", "hadaf-4"]).standardOutput.hasPrefix("The announced list"))
    }
}

extension ExecTests {
    /// A day as the CLI prints it (`۳۰ آبان ۱۴۰۵`), computed here with Foundation's Persian
    /// calendar, apart from the code under test.
    static func persianDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .persian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tehran")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let months = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
        let persian = { (number: Int) in String(String(number).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x06F0)!) }) }
        return "\(persian(parts.day!)) \(months[parts.month! - 1]) \(persian(parts.year!))"
    }
}

extension ISO8601DateFormatter {
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
