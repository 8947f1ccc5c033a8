import Foundation
import HadafTestSupport
import Testing

@Suite("The hadaf command line")
struct CLITests {
    @Test func initAppendEventsAndVerifyWorkTogether() throws {
        let cli = try CLI()
        #expect(try cli.succeed(["init"]).standardOutput.contains("Created"))
        #expect(try cli.succeed(["init"]).standardOutput.contains("already holds"))

        let first = try cli.succeed(["append", "--stream", "idea-1", "--type", "idea.submitted", "--expected-version", "no-stream"],
                                    input: #"{"title": "ایده"}"#)
        #expect(first.standardOutput == "1\n")
        let second = try cli.succeed(["append", "--stream", "idea-1", "--type", "idea.revised", "--expected-version", "1", "--json"],
                                     input: #"{"title":"ایده نو"}"#)
        #expect(second.standardOutput.contains(#""position":2"#) && second.standardOutput.contains(#""streamVersion":2"#))

        let lines = try cli.succeed(["events", "--json"]).standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""payload":{"title":"ایده"}"#))
        #expect(lines[1].contains(#""type":"idea.revised""#))
        #expect(try cli.succeed(["events", "--stream", "idea-1", "--from", "2"]).standardOutput.contains("#2  idea-1@2  idea.revised v1"))
        #expect(try cli.succeed(["events", "--limit", "1"]).standardOutput.split(separator: "\n").count == 1)

        let verified = try cli.succeed(["verify"]).standardOutput
        #expect(verified.hasPrefix("intact: 2 events checked; head position 2"))
        #expect(try cli.succeed(["verify", "--json"]).standardOutput.contains(#""intact":true,"eventsChecked":2"#))
    }

    @Test func refusalsAreOneSentenceWithTheirDocumentedExitCodes() throws {
        let cli = try CLI()
        let missing = try cli.run(["verify"])
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("No HADAF database") && missing.standardError.contains("[database.not_found]"))

        try cli.succeed(["init"])
        try cli.succeed(["append", "--stream", "s", "--type", "t"], input: "{}")
        let conflict = try cli.run(["append", "--stream", "s", "--type", "t", "--expected-version", "no-stream"], input: "{}")
        #expect(conflict.status == 3)
        #expect(conflict.standardError.contains("[stream.version_conflict]"))

        let malformed = try cli.run(["append", "--stream", "s", "--type", "t"], input: "not json")
        #expect(malformed.status == 65)
        #expect(malformed.standardError.contains("[event.invalid_json]"))

        let usage = try cli.run(["append", "--stream", "s"])
        #expect(usage.status == 64)
        #expect(try cli.succeed(["verify"]).standardOutput.contains("intact: 1 events"))
    }

    @Test func verifyExitsOneAndNamesTheFirstBadPositionOfAnAlteredLog() throws {
        let cli = try CLI()
        try cli.succeed(["init"])
        for number in 1...3 { try cli.succeed(["append", "--stream", "s", "--type", "t"], input: #"{"n":\#(number)}"#) }
        try alter(cli.database, sql: #"DROP TRIGGER events_refuse_update; UPDATE events SET payload = '{"n":5}' WHERE position = 2;"#)

        let text = try cli.run(["verify"])
        #expect(text.status == 1)
        #expect(text.standardOutput.contains("first bad position 2"))
        let json = try cli.run(["verify", "--json"])
        #expect(json.status == 1)
        #expect(json.standardOutput.contains(#""intact":false"#) && json.standardOutput.contains(#""firstBadPosition":2"#))
    }

    @Test func importAppendsSkipsOnARerunAndNamesAMalformedLine() throws {
        let cli = try CLI()
        try cli.succeed(["init"])
        let file = cli.directory.path("events.jsonl")
        let lines = (1...50).map { #"{"stream":"participant-\#($0 % 7)","type":"survey.answered","payload":{"n":\#($0)}}"# }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)

        #expect(try cli.succeed(["import", file, "--batch-size", "8"]).standardOutput.hasPrefix("50 appended, 0 skipped"))
        #expect(try cli.succeed(["import", file]).standardOutput.hasPrefix("0 appended, 50 skipped"))
        #expect(try cli.succeed(["import", "-"], input: lines[0] + "\n" + #"{"stream":"x","type":"t","payload":{}}"#)
            .standardOutput.hasPrefix("1 appended, 1 skipped"))

        let bad = try cli.run(["import", "-"], input: #"{"stream":"y","type":"t","payload":{}}"# + "\n{oops}\n")
        #expect(bad.status == 65)
        #expect(bad.standardError.contains("Line 2 is not a valid envelope") && bad.standardError.contains("[import.malformed_line]"))
        #expect(try cli.succeed(["verify"]).standardOutput.contains("intact: 51 events"))

        let unreadable = try cli.run(["import", cli.directory.path("absent.jsonl")])
        #expect(unreadable.status == 66)
    }

    @Test func initWithDemoRegistersTheUniversitiesOnce() throws {
        let cli = try CLI()
        #expect(try cli.succeed(["init", "--demo"]).standardOutput.contains("14 registered with their cultural deputies, and the demo's ministry officers appointed (31 new events)"))
        #expect(try cli.succeed(["init", "--demo"]).standardOutput.contains("(0 new events)"))
        let registered = try cli.succeed(["events", "--stream", "university-sharif", "--json"]).standardOutput
        #expect(registered.contains(#""name":"دانشگاه صنعتی شریف""#))
        #expect(registered.contains(#""actorRole":"system""#))
        #expect(try cli.succeed(["verify"]).standardOutput.contains("intact: 31 events"))
    }

    @Test func theDatabaseComesFromHADAF_DBWhenNoOptionNamesIt() throws {
        let cli = try CLI()
        let outcome = try ProductProcess.run("hadaf", ["init"], environment: ["HADAF_DB": cli.database])
        #expect(outcome.status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.database))
    }

    @Test(arguments: ["init", "account add", "append", "eligibility", "events", "exec", "import", "policy adopt", "project", "rebuild", "regulation-digest", "scores", "serve", "survey-results", "university-summary", "verify"])
    func everyCommandHasCompleteHelp(command: String) throws {
        let help = try ProductProcess.run("hadaf", command.split(separator: " ").map(String.init) + ["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: hadaf \(command)"))
        #expect(help.standardOutput.contains("--db <path>"))
        #expect(!help.standardOutput.contains("(no help"))
    }

    private func alter(_ database: String, sql: String) throws {
        // Through the sqlite3 library, bypassing hadaf, as someone holding the file could.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", database, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
