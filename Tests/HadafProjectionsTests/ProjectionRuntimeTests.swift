import EventStore
import Foundation
import GRDB
import HadafEvents
import HadafProjections
import HadafTestSupport
import Testing

@Suite("The projector runtime")
struct ProjectionRuntimeTests {
    @Test func theCatalogueFollowsEachSubmissionsLife() async throws {
        let log = try ProjectionLog()
        try await log.idea("a", title: "باشگاه کتاب", screened: .acceptedForEvaluation)
        try await log.idea("b", title: "تئاتر خیابانی", university: "sharif")
        try await log.append(SubmissionWithdrawn(), to: "submission-b")
        let statuses = try log.runner([CatalogueProjector()]).catchUp()
        #expect(statuses.first?.position == 6 && statuses.first?.lag == 0)
        let rows = try log.rows("SELECT submission_id, status, university, title FROM catalogue ORDER BY submission_id")
        #expect(rows.map { $0[0] as String } == ["a", "b"])
        #expect(rows.map { $0[1] as String } == ["accepted", "withdrawn"])
        #expect(rows[1][2] as String == "sharif" && rows[0][3] as String == "باشگاه کتاب")
    }

    @Test func theCatalogueWritesTheSameRowsWhetherItHoldsThemOrForgetsThem() async throws {
        let log = try ProjectionLog()
        try await log.idea("a", title: "یک", screened: .acceptedForEvaluation)
        func revised(_ title: String, group: String?) -> SubmissionRevised {
            let authors: [SubmissionAuthor] = [.init(kind: .participant, id: "p-1", share: 100)] + (group.map { [.init(kind: .studentGroup, id: $0, share: 0)] } ?? [])
            let content = SubmissionContent.idea(IdeaContent(title: title, summary: "s", problem: "p", proposal: "p", expectedImpact: "i", category: .cultural))
            return SubmissionRevised(authors: authors, content: content)
        }
        try await log.idea("b", title: "دو", screened: .returnedForRevision)
        try await log.append(revised("دو با گروه", group: "g-1"), to: "submission-b")
        try await log.append(SubmissionSubmitted(possibleDuplicates: [PossibleDuplicate(submissionId: "a", similarity: 0.5)]), to: "submission-b")
        try await log.idea("c", title: "سه")
        try await log.append(revised("سه با گروه", group: "g-2"), to: "submission-c")
        try await log.append(revised("سه بی گروه", group: nil), to: "submission-c")
        try await log.append(SubmissionWithdrawn(), to: "submission-c")
        // An event of a submission the catalogue never saw drafted changes nothing.
        try await log.append(SubmissionWithdrawn(), to: "submission-z")

        let forgetting = log.runner([CatalogueProjector(maximumHeldRows: 0)], pageSize: 2)
        try forgetting.catchUp()
        let rows = try log.rows("SELECT submission_id, title, status, entrant_id, possible_duplicates, updated_position FROM catalogue ORDER BY submission_id")
        #expect(rows.map { $0[0] as String } == ["a", "b", "c"])
        #expect(rows.map { $0[1] as String } == ["یک", "دو با گروه", "سه بی گروه"])
        #expect(rows.map { $0[2] as String } == ["accepted", "submitted", "withdrawn"])
        #expect(rows.map { $0[3] as String } == ["p-1", "group:g-1", "p-1"])
        #expect((rows[1][4] as String).contains("0.5") && rows[2][5] as Int64 == 13)

        let holding = log.runner([CatalogueProjector()], pageSize: 1000)
        let built = try forgetting.status()
        try holding.rebuild()
        #expect(try holding.status().map(\.contentHash) == built.map(\.contentHash) && built.first?.contentHash != nil)
    }

    @Test func twoRebuildsHashTheSameAsTheModelBuiltBitByBit() async throws {
        let log = try ProjectionLog()
        let runner = log.runner([CatalogueProjector(), RecordingProjector()])
        try await log.idea("a", title: "یک")
        _ = try runner.catchUp()
        try await log.idea("b", title: "دو", screened: .rejected)
        try await log.note("x")
        _ = try runner.catchUp()
        try await log.idea("c", title: "سه", screened: .returnedForRevision)
        _ = try runner.catchUp()
        let incremental = try runner.status()

        try runner.rebuild()
        let first = try runner.status()
        try runner.rebuild(["catalogue"])
        let second = try runner.status()
        #expect(first.map(\.contentHash) == incremental.map(\.contentHash))
        #expect(second.map(\.contentHash) == incremental.map(\.contentHash))
        #expect(first.map(\.position) == incremental.map(\.position))
        #expect(incremental[0].contentHash != nil && incremental[0].contentHash != incremental[1].contentHash)
        #expect(throws: ProjectionError.unknownProjector("nope")) { try runner.rebuild(["nope"]) }
    }

    @Test func aFailingProjectorStopsAtItsEventAndTheOthersGoOn() async throws {
        let log = try ProjectionLog()
        for text in ["one", "two"] { try await log.note(text) }
        try await log.idea("a", title: "یک")
        try await log.note("boom")
        try await log.note("after")
        let statuses = try log.runner([RecordingProjector(), CatalogueProjector()]).catchUp()

        let recording = try #require(statuses.first { $0.name == "recording" })
        #expect(recording.position == 4 && recording.lag == 2)
        #expect(recording.failure?.position == 5)
        #expect(recording.failure?.message.contains("boom") == true)
        // What came before the failing event is in the model.
        #expect(try log.rows("SELECT position FROM seen").map { $0[0] as Int64 } == [1, 2])
        // The other projector caught up.
        #expect(statuses.first { $0.name == "catalogue" }?.lag == 0)
        // It stays stopped on later runs, until a rebuild (which stops at the same event).
        #expect(try log.runner([RecordingProjector()]).catchUp().first?.position == 4)
        let rebuilt = try #require(try log.runner([RecordingProjector()]).rebuild().first)
        #expect(rebuilt.failure?.position == 5 && rebuilt.position == 4)
        // The rebuild folded again up to the event before the failure, and swapped that in.
        #expect(try log.rows("SELECT position FROM seen").map { $0[0] as Int64 } == [1, 2])
    }

    @Test func projectorsRebuiltApartGiveTheModelBuiltInPlaceAndKeepTheirFailure() async throws {
        let log = try ProjectionLog()
        try await log.idea("a", title: "یک")
        for text in ["one", "two", "boom", "after"] { try await log.note(text) }
        try await log.idea("b", title: "دو", screened: .rejected)
        var apart = RecordingProjector()
        apart.rebuildsApart = true
        let inPlace = try log.runner([CatalogueProjector(), RecordingProjector()]).rebuild()
        let scratchFiles = { try FileManager.default.contentsOfDirectory(atPath: log.directory.url.path).filter { $0.contains(".rebuild-") } }

        let rebuilt = try log.runner([CatalogueProjector(), apart]).rebuild()
        #expect(rebuilt == inPlace)
        let recording = try #require(rebuilt.first { $0.name == "recording" })
        #expect(recording.failure?.position == 5 && recording.position == 4)
        #expect(try log.rows("SELECT position FROM seen").map { $0[0] as Int64 } == [3, 4])
        let hashes = try log.runner([CatalogueProjector(), apart]).status().map(\.contentHash)
        let inPlaceRunner = log.runner([CatalogueProjector(), RecordingProjector()])
        try inPlaceRunner.rebuild()
        #expect(hashes.allSatisfy { $0 != nil })
        #expect(hashes == (try inPlaceRunner.status().map(\.contentHash)))
        // The scratch file beside the read model is gone.
        #expect(try scratchFiles().isEmpty)
    }

    @Test func aNewProjectorVersionRebuildsItsModel() async throws {
        let log = try ProjectionLog()
        for text in ["one", "two", "three"] { try await log.note(text) }
        _ = try log.runner([RecordingProjector()]).catchUp()
        // A table of version 1 that version 2 no longer writes.
        try await DatabaseQueue(path: ReadModel.path(besideLog: log.store.path)).write { try $0.execute(sql: "CREATE TABLE seen_texts (text TEXT)") }
        var next = RecordingProjector()
        next.version = 2
        next.retiredTables = ["seen_texts"]
        let status = try log.runner([next]).catchUp()
        #expect(status.first?.version == 2 && status.first?.position == 3)
        #expect(try log.rows("SELECT DISTINCT version FROM seen").map { $0[0] as Int } == [2])
        #expect(try log.rows("SELECT name FROM sqlite_master WHERE name = 'seen_texts'").isEmpty)
    }

    @Test func theReadModelLivesBesideTheLog() {
        #expect(ReadModel.path(besideLog: "/data/hadaf.sqlite") == "/data/hadaf.read.sqlite")
        #expect(ReadModel.path(besideLog: "demo.sqlite").hasSuffix("demo.read.sqlite"))
    }
}
