import Foundation
import HadafTestSupport
import Testing

/// Every CLI read over a log holding events appended around the commands (amounts and years out
/// of range, malformed payloads, unknown types, newer schema versions): each answers with one of
/// its documented exit codes, never a trap, and `hadaf audit` names what it could not read.
@Suite("The CLI over a crafted log")
struct CraftedLogCLITests {
    @Test func everyReadCommandAnswersAndTheAuditNamesTheUnreadableEvents() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try cli.succeed(["policy", "adopt", root.appendingPathComponent("Projections/policies/1405.json").path])
        let planted: [(stream: String, type: String, payload: String, schema: String?)] = [
            ("awards-ut-1405", "award.budget_allocated", #"{"lineId":"grants","title":"x","rials":9223372036854775807}"#, nil),
            ("awards-ut-1405", "award.budget_allocated", #"{"lineId":"big","title":"x","rials":5000000000000000000}"#, nil),
            ("awards-ut-1405", "award.budget_allocated", #"{"lineId":"big","title":"x","rials":5000000000000000000}"#, nil),
            ("awards-ut-1405", "award.issued", #"{"awardId":"ut-1405-9","recipient":"p","university":"ut","kind":"educational_grant","academicYear":-5,"policyVersion":"x","basis":{"readAt":1,"positions":[1],"points":1},"rials":-7,"budgetLine":"grants","verificationCode":"AAAA-BBBB-CCCC","issuedBy":"o","awaitsSecondApproval":false}"#, nil),
            ("submission-bad", "submission.drafted", #"{"nonsense":true}"#, nil),
            ("survey-x", "survey.answered", #"{"answers":5}"#, nil),
            ("elsewhere", "nobody.knows", #"{"a":1}"#, nil),
            ("submission-bad", "submission.revised", #"{"future":true}"#, "99"),
        ]
        for event in planted {
            var arguments = ["append", "--stream", event.stream, "--type", event.type]
            if let schema = event.schema { arguments += ["--schema-version", schema] }
            let outcome = try cli.run(arguments, input: event.payload)
            #expect(outcome.status == 0 || event.schema != nil, "\(event.type): \(outcome.standardError)")
        }
        let documented: Set<Int32> = [0, 1, 3, 64, 65, 66, 74]
        for arguments in [
            ["verify"], ["project", "--until-caught-up"], ["project", "--status"], ["scores", "p-none"], ["eligibility", "--university", "ut", "--year", "1405"],
            ["university-summary", "--university", "ut", "--year", "1405"], ["survey-results", "x"], ["regulation-digest", "kanoon"],
            ["explain", "ut-1405-9"], ["audit"], ["audit", "--json"], ["events", "--limit", "5"], ["rebuild"],
            ["eligibility", "--university", "ut", "--year", "9223372036854775807"], ["scores", "p", "--year", "-1"],
        ] {
            let outcome = try cli.run(arguments)
            #expect(documented.contains(outcome.status), "hadaf \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.standardError)")
        }
        let status = try cli.run(["project", "--status"]).standardOutput
        #expect(status.contains("skipped by") && status.contains("submission.drafted"), "\(status)")
        let audit = try cli.run(["audit", "--json"]).standardOutput
        #expect(audit.components(separatedBy: "event.unreadable").count - 1 >= 4, "\(audit.prefix(600))")
    }

    /// A name that reads as Tehran's awards of 1405 but is not written so would let an award
    /// escape the checks on `awards-ut-1405`: append and import refuse it, naming the canonical
    /// form, and write nothing. Before, both took it.
    @Test func aLookAlikeAwardsStreamIsRefusedOnAppendAndImport() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let before = try cli.succeed(["verify"]).standardOutput
        for stream in ["awards-ut-01405", "awards-ut-+1405", "policy-01405"] {
            let outcome = try cli.run(["append", "--stream", stream, "--type", "award.budget_allocated"], input: #"{"lineId":"x","title":"x","rials":1}"#)
            #expect(outcome.status == 65, "\(stream): \(outcome.standardError)")
            #expect(outcome.standardError.contains("[stream.not_canonical]") && outcome.standardError.contains("must be written"), "\(outcome.standardError)")
        }
        let line = #"{"stream":"awards-ut-+1405","type":"award.budget_allocated","payload":{"lineId":"x","title":"x","rials":1}}"#
        let imported = try cli.run(["import", "-"], input: line + "\n")
        #expect(imported.status != 0)
        #expect(imported.standardError.contains("must be written 'awards-ut-1405'"), "\(imported.standardError)")
        #expect(try cli.succeed(["verify"]).standardOutput == before)
        #expect(try cli.run(["append", "--stream", "awards-ut-1405", "--type", "award.budget_allocated"], input: #"{"lineId":"x","title":"x","rials":1}"#).status == 0)
    }
}
