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
}
