import Foundation
import HadafTestSupport
import Testing

@Suite("hadaf audit, explain, keys, checkpoint and verify --against on the commands page's log")
struct AuditCommandTests {
    @Test func theDocumentedAwardsAuditCleanAndExplainTheirEvidence() throws {
        let cli = try CLI()
        #expect(try cli.succeed(["init", "--demo"]).standardOutput.contains("signing key"))
        try cli.succeed(["exec", "-"], input: try DocumentedCommands.lines().joined(separator: "\n"))

        let audit = try cli.succeed(["audit"]).standardOutput
        #expect(audit.contains("4 award(s) (0 awaiting a second officer, 1 revoked); 2 budget line(s); 1 announced festival list(s)"))
        #expect(audit.hasSuffix("no finding\n"))
        let scoped = try cli.succeed(["audit", "--university", "sharif", "--year", "1405", "--json"]).standardOutput
        #expect(scoped.contains(#""awardsChecked":0"#) && scoped.contains(#""findings":[]"#))

        let grant = try cli.succeed(["explain", "ut-1405-3"]).standardOutput
        #expect(grant.contains("approved by officer-1; 400000000 rials from line student-grants"))
        #expect(grant.contains("54.0 points stated, 54.0 recomputed"))
        #expect(grant.contains("۲۰ دی ۱۴۰۵  festival.winners_announced (festival-hadaf-4)  festival.winner  30.0 points"))
        #expect(grant.split(separator: "\n").filter { $0.hasPrefix("  position ") }.count == 5)
        #expect(try cli.succeed(["explain", "ut-1405-2"]).standardOutput.contains("revoked: "))
        #expect(try cli.run(["explain", "ut-1405-99"]).status == 66)

        let key = try cli.succeed(["keys", "--json"]).standardOutput
        let publicKey = try #require(try JSONSerialization.jsonObject(with: Data(key.utf8)) as? [String: String])["publicKey"]
        let file = cli.directory.path("checkpoint.json")
        #expect(try cli.succeed(["checkpoint", "--out", file]).standardOutput.hasPrefix("Checkpoint of position 89"))
        #expect(try cli.succeed(["verify", "--against", file, "--public-key", publicKey!]).standardOutput.hasPrefix("holds: the log up to position 89"))

        // A checkpoint edited to cover fewer events no longer carries a valid signature.
        let edited = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: #""position" : 89"#, with: #""position" : 85"#)
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        let forged = try cli.run(["verify", "--against", file])
        #expect(forged.status == 1)
        #expect(forged.standardOutput.hasPrefix("FORGED"))
    }
}
