import Foundation
import HadafTestSupport
import Testing

@Suite("hadaf project and rebuild")
struct ProjectCommandTests {
    /// 50,000 ideas, drafted and submitted: 100,000 events, as an import file.
    private func writeIdeas(to path: String) throws {
        var text = ""
        for number in 0..<50_000 {
            let id = "idea-\(number)"
            text += #"{"stream":"submission-\#(id)","type":"submission.drafted","payload":{"submissionId":"\#(id)","submitter":"p-\#(number % 700)","university":"\#(["ut", "sharif", "yazd"][number % 3])","authors":[{"kind":"participant","id":"p-\#(number % 700)","share":100}],"content":{"idea":{"title":"ایده شماره \#(number)","summary":"s","problem":"p","proposal":"p","expectedImpact":"i","category":"cultural"}}}}"#
            text += "\n"
            text += #"{"stream":"submission-\#(id)","type":"submission.submitted","payload":{"possibleDuplicates":[]}}"#
            text += "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func status(_ cli: CLI, _ arguments: [String]) throws -> (position: Int, hash: String) {
        let output = try cli.succeed(arguments).standardOutput
        let array = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        let catalogue = try #require(array.first { $0["name"] as? String == "catalogue" })
        return (try #require(catalogue["position"] as? Int), try #require(catalogue["contentHash"] as? String))
    }

    @Test func aProjectionKilledMidRunResumesToTheModelACleanRebuildMakes() throws {
        let cli = try CLI()
        try cli.succeed(["init"])
        let file = cli.directory.path("ideas.jsonl")
        try writeIdeas(to: file)
        try cli.succeed(["import", file])

        // Start projecting, and kill the process once it reports progress.
        let child = ProductProcess.make("hadaf", arguments: ["project", "--until-caught-up", "--db", cli.database])
        let progress = Pipe()
        child.standardError = progress
        child.standardOutput = FileHandle.nullDevice
        try child.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("projected up to position") {
            let chunk = progress.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)

        let interrupted = try status(cli, ["project", "--status", "--json", "--db", cli.database])
        #expect(interrupted.position > 0 && interrupted.position < 100_000, "the kill did not land mid-run: \(interrupted.position)")

        let resumed = try status(cli, ["project", "--until-caught-up", "--status", "--json", "--db", cli.database])
        let rebuilt = try status(cli, ["rebuild", "--json", "--db", cli.database])
        #expect(resumed.position == 100_000 && rebuilt.position == 100_000)
        #expect(resumed.hash == rebuilt.hash)
    }

    @Test func statusAndRebuildSpeakJSONAndText() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let text = try cli.succeed(["project", "--until-caught-up", "--status"]).standardOutput
        #expect(text.hasPrefix("catalogue v3: position 31, lag 0, hash "))
        let unknown = try cli.run(["rebuild", "--projection", "nope"])
        #expect(unknown.status == 65 && unknown.standardError.contains("[projection.unknown]"))
    }
}
