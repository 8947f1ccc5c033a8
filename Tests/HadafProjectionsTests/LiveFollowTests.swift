import EventStore
import Foundation
import GRDB
import HadafEvents
@testable import HadafProjections
import Testing

@Suite("A live runner's folds kept between catch-ups")
struct LiveFollowTests {
    private func revised(_ title: String) -> SubmissionRevised {
        let content = SubmissionContent.idea(IdeaContent(title: title, summary: "s", problem: "p", proposal: "p", expectedImpact: "i", category: .cultural))
        return SubmissionRevised(authors: [.init(kind: .participant, id: "p-1", share: 100)], content: content)
    }

    @Test func aKeptFoldIsDroppedWhenAnotherProcessMovedItsProjector() async throws {
        let log = try ProjectionLog()
        let live = log.runner([CatalogueProjector()])
        var held = ProjectionRunner.HeldFolds()
        try await log.idea("a", title: "یک")
        _ = try live.catchUp(keeping: &held)
        #expect(held.folds["catalogue"] != nil)

        // Another process (`hadaf project`) folds a revision the live fold never saw...
        try await log.append(revised("یک، بازنگری‌شده"), to: "submission-a")
        _ = try log.runner([CatalogueProjector()]).catchUp()
        // ...and the live runner then folds the screening, which rewrites the row it holds.
        try await log.append(SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil), to: "submission-a")
        _ = try live.catchUp(keeping: &held)

        let rows = try log.rows("SELECT title, status FROM catalogue")
        #expect(rows.map { $0[0] as String } == ["یک، بازنگری‌شده"] && rows.map { $0[1] as String } == ["accepted"])
        let followed = try live.status()
        try live.rebuild()
        #expect(try live.status().map(\.contentHash) == followed.map(\.contentHash))
    }

    @Test func aKeptFoldFollowsTheLogLikeAFreshOne() async throws {
        let log = try ProjectionLog()
        let live = log.runner([CatalogueProjector(), LedgerProjector()])
        var held = ProjectionRunner.HeldFolds()
        for (index, title) in ["یک", "دو", "سه"].enumerated() {
            try await log.idea("i\(index)", title: title, screened: index == 1 ? .acceptedForEvaluation : nil)
            try await log.append(revised(title + " نو"), to: "submission-i0")
            _ = try live.catchUp(keeping: &held)
        }
        #expect(held.folds.count == 2)
        let followed = try live.status()
        try live.rebuild()
        #expect(try live.status().map(\.contentHash) == followed.map(\.contentHash))
        #expect(followed.allSatisfy { $0.position == followed[0].position && $0.contentHash != nil })
    }

    @Test func followingFoldsEachCommitAsItLandsUntilCancelled() async throws {
        let log = try ProjectionLog()
        let live = log.runner([CatalogueProjector(), LedgerProjector()])
        try await log.idea("a", title: "یک")
        let follower = Task { try await live.follow(idleCheck: .milliseconds(50)) }
        for (index, title) in ["دو", "سه", "چهار"].enumerated() {
            try await log.idea("n\(index)", title: title, screened: .acceptedForEvaluation)
        }
        let head = try #require(try log.store.head()?.position)
        var statuses = try live.status(withContentHashes: false)
        for _ in 0..<200 where !statuses.allSatisfy({ $0.position == head }) {
            try await Task.sleep(for: .milliseconds(20))
            statuses = try live.status(withContentHashes: false)
        }
        follower.cancel()
        _ = await follower.result
        let followed = try live.status()
        #expect(followed.allSatisfy { $0.position == head && $0.failure == nil })
        try live.rebuild()
        #expect(try live.status().map(\.contentHash) == followed.map(\.contentHash))
        #expect(try log.rows("SELECT COUNT(*) FROM catalogue").first?[0] as Int64? == 4)
    }
}
