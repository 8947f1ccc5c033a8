import Foundation
import HadafTestSupport
import Testing

@Suite("hadaf exec and the commands page")
struct ExecTests {
    /// Every JSON line of docs/commands.md, in order.
    private func documentedCommands() throws -> [String] {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/commands.md")
        var inJSON = false
        var lines: [String] = []
        for line in try String(contentsOf: page, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inJSON = line == "```json"; continue }
            if inJSON, line.hasPrefix("{") { lines.append(String(line)) }
        }
        return lines
    }

    @Test func everyExampleOnTheCommandsPageRunsAndSucceeds() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let commands = try documentedCommands()
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
        #expect(try cli.succeed(["verify"]).standardOutput.contains("intact: 28 events"))
    }
}
