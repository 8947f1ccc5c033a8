import Foundation
import GRDB
import HadafTestSupport
import Testing

@Suite("Checkpoints that bind: a key off the server, checkpoints in the log held to, a published list")
struct CheckpointCommandTests {
    /// The checkpoint key lives outside the server's directory; the platform trusts only its
    /// public half. A rewrite with every hash recomputed then fails `hadaf verify` and `hadaf
    /// audit` on the log alone, without a file kept outside: the log's own checkpoint names the
    /// head the rewrite changed. Before, both passed and only `verify --against FILE` saw it.
    @Test func aRehashedRewriteFailsVerifyAndAuditOnTheCheckpointsInTheLog() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        try cli.succeed(["exec", "-"], input: try DocumentedCommands.lines().joined(separator: "\n"))
        let offServer = try TemporaryDirectory()
        let keyFile = offServer.path("checkpoint.key")
        let created = try cli.succeed(["keys", "--create", keyFile, "--json"]).standardOutput
        let publicKey = try #require((try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: String])?["publicKey"])
        #expect(try cli.run(["keys", "--create", keyFile]).status != 0, "a key file is never overwritten")
        #expect(try cli.run(["keys", "--trust", "not-a-key"]).standardError.contains("key.invalid_public_key"))
        try cli.succeed(["keys", "--trust", publicKey])
        #expect(try cli.succeed(["checkpoint", "--key", keyFile]).standardOutput.contains(publicKey))
        #expect(try cli.succeed(["verify"]).standardOutput.hasPrefix("intact"))

        // An insider raises a grant, drops the triggers and recomputes every hash after it.
        let path = cli.directory.path("hadaf.sqlite")
        let position = try #require(try DatabaseQueue(path: path).read { db in
            try Int64.fetchOne(db, sql: "SELECT position FROM events WHERE type = 'award.issued' AND payload LIKE '%400000000%'")
        })
        try LogRewriter.rewrite(logAt: path, from: position) { db in
            try db.execute(sql: "UPDATE events SET payload = replace(payload, '400000000', '40000000') WHERE position = ?", arguments: [position])
        }
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.standardOutput.contains("another head than the checkpoint recorded at position"), "\(verify.standardOutput)")
        let audit = try cli.run(["audit"])
        #expect(audit.status == 1)
        #expect(audit.standardOutput.contains("FINDING checkpoint.contradicted"), "\(audit.standardOutput)")
    }

    /// Whoever can append around the commands can record a checkpoint, but not one signed by
    /// a trusted key: one signed by a key of their own is reported where it was recorded.
    @Test func aCheckpointSignedByAnUntrustedKeyIsReportedWhereItWasRecorded() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let ministry = try TemporaryDirectory()
        let publicKey = try Self.publicKey(try cli.succeed(["keys", "--create", ministry.path("ministry.key"), "--json"]).standardOutput)
        try cli.succeed(["checkpoint", "--key", ministry.path("ministry.key")])
        #expect(try cli.succeed(["verify", "--public-key", publicKey]).standardOutput.hasPrefix("intact"))

        let insider = try TemporaryDirectory()
        try cli.succeed(["keys", "--create", insider.path("insider.key")])
        try cli.succeed(["checkpoint", "--key", insider.path("insider.key")])
        let verify = try cli.run(["verify", "--public-key", publicKey])
        #expect(verify.status == 1)
        #expect(verify.standardOutput.contains("does not bind: it is signed by key"), "\(verify.standardOutput)")
        // Nor does the platform trust it by default (its own key and hadaf.trusted-keys).
        #expect(try cli.run(["verify"]).status == 1)
    }

    /// An insider who deletes the log's checkpoints and rehashes passes `hadaf verify`, but not
    /// against the list the platform published before (`GET /checkpoints.json`'s layout).
    @Test func aPublishedListOfCheckpointsCatchesARewriteThatRemovedThemFromTheLog() throws {
        let cli = try CLI()
        try cli.succeed(["init", "--demo"])
        let ministry = try TemporaryDirectory()
        let publicKey = try Self.publicKey(try cli.succeed(["keys", "--create", ministry.path("ministry.key"), "--json"]).standardOutput)
        let first = try cli.succeed(["checkpoint", "--key", ministry.path("ministry.key")]).standardOutput
        try cli.succeed(["exec", "-"], input: try DocumentedCommands.lines().joined(separator: "\n"))
        let second = try cli.succeed(["checkpoint", "--key", ministry.path("ministry.key")]).standardOutput
        let published = ministry.path("published.json")
        try "[\(first),\(second)]".write(toFile: published, atomically: true, encoding: .utf8)
        #expect(try cli.succeed(["verify", "--against", published, "--public-key", publicKey]).standardOutput.hasPrefix("intact"))

        let path = cli.directory.path("hadaf.sqlite")
        let position = try #require(try DatabaseQueue(path: path).read { db in
            try Int64.fetchOne(db, sql: "SELECT min(position) FROM events WHERE stream_id = 'log-checkpoints'")
        })
        try LogRewriter.rewrite(logAt: path, from: position) { db in
            try db.execute(sql: "UPDATE events SET metadata = '{\"actorId\":\"someone-else\"}' WHERE position = ?", arguments: [position])
            // The log's own checkpoints are turned into something else, so that none binds.
            try db.execute(sql: "UPDATE events SET type = 'note.kept', payload = '{}' WHERE stream_id = 'log-checkpoints'")
        }
        #expect(try cli.succeed(["verify", "--public-key", publicKey]).standardOutput.hasPrefix("intact"))
        let rewritten = try cli.run(["verify", "--against", published, "--public-key", publicKey])
        #expect(rewritten.status == 1)
        #expect(rewritten.standardOutput.contains("kept outside the log"), "\(rewritten.standardOutput)")
    }

    private static func publicKey(_ json: String) throws -> String {
        try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])?["publicKey"])
    }
}
