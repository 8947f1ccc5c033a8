import EventStore
import Foundation
import GRDB
import HadafEvents
@testable import HadafProjections
import Testing

/// The read side under a crafted log and a full disk: it skips what it cannot read, says so,
/// and comes back by itself when the disk has room again.
@Suite("Projectors that skip unreadable events and heal after a storage failure")
struct TolerantProjectionTests {
    @Test func anUnreadableEventIsSkippedAndRecordedAndTheProjectorGoesOn() async throws {
        let log = try ProjectionLog()
        let runner = log.runner([CatalogueProjector()])
        try await log.idea("a", title: "یک")
        // A submission event whose payload is not what this version reads (a raw append).
        let planted = try await log.store.append([NewEvent(type: SubmissionRevised.eventType, payload: Data(#"{"authors":5}"#.utf8))], to: "submission-a")
        try await log.idea("b", title: "دو")
        let statuses = try runner.catchUp()
        #expect(statuses.allSatisfy { $0.failure == nil && $0.lag == 0 })
        #expect(try log.rows("SELECT title FROM catalogue ORDER BY title").map { $0[0] as String } == ["دو", "یک"])
        let skipped = try SkippedEvents.all(in: log.model)
        #expect(skipped.map(\.position) == [planted.firstPosition] && skipped.map(\.projector) == ["catalogue"])
    }

    @Test func projectorsStoppedByAFullDiskResumeWhenThereIsRoomAgain() async throws {
        let log = try ProjectionLog()
        let runner = log.runner([CatalogueProjector()], pageSize: 1000)
        try await log.idea("a", title: "یک")
        _ = try runner.catchUp()
        // The read model's file may not grow: every write that needs a page fails with SQLITE_FULL,
        // as on a full disk.
        let pages = try await log.model.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try await log.model.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        let health = ProjectionHealth()
        let follower = Task { await runner.followHealing(health: health, idleCheck: .milliseconds(100)) }
        defer { follower.cancel() }
        for index in 0..<40 { try await log.idea("n\(index)", title: "ایده تازه شماره \(index) با متنی بلند برای پر کردن برگه‌ها \(String(repeating: "ب", count: 400))") }
        try await waitUntil { health.snapshot.interruption != nil }
        #expect(!health.snapshot.isHealthy && health.snapshot.reason?.contains("retrying") == true)

        try await log.model.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        try await waitUntil { health.snapshot.isHealthy && (try? runner.status(withContentHashes: false).first?.lag) == 0 }
        #expect(try log.rows("SELECT COUNT(*) FROM catalogue").first?[0] as Int? == 41)
        #expect(health.snapshot.restarts >= 1)
    }

    /// Polls `condition` for up to ten seconds.
    private func waitUntil(_ condition: () throws -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for _ in 0..<200 {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the condition did not hold within ten seconds", sourceLocation: sourceLocation)
    }
}
