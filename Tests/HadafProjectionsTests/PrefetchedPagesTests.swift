import EventStore
@testable import HadafProjections
import Testing

@Suite("Pages read ahead of the fold")
struct PrefetchedPagesTests {
    private struct Refused: Error, CustomStringConvertible {
        var description: String { "position 5 is refused" }
    }

    private func log(events count: Int) async throws -> ProjectionLog {
        let log = try ProjectionLog()
        for index in 1...count { try await log.note("\(index)") }
        return log
    }

    private func drain(_ pages: PrefetchedPages<[Int64]>) throws(ProjectionError) -> [[Int64]] {
        var read: [[Int64]] = []
        while let prepared = try pages.next() {
            #expect(prepared.last == prepared.page.last)
            read.append(prepared.page)
        }
        return read
    }

    @Test func everyEventUpToTheLastAskedComesOnceInOrderInPagesOfTheirSize() async throws {
        let log = try await log(events: 10)
        let pages = PrefetchedPages(from: log.store, through: 7, pageSize: 3, depth: 1) { events in events.map(\.position) }
        #expect(try drain(pages) == [[1, 2, 3], [4, 5, 6], [7]])
        // After the end the reader is gone; asking again neither waits nor reads.
        #expect(try pages.next() == nil)
    }

    @Test func aLastPositionPastTheHeadStopsAtTheHead() async throws {
        let log = try await log(events: 5)
        let pages = PrefetchedPages(from: log.store, through: .max, pageSize: 2) { events in events.map(\.position) }
        #expect(try drain(pages) == [[1, 2], [3, 4], [5]])
    }

    @Test func whatPreparingThrowsComesOutOfNextOnce() async throws {
        let log = try await log(events: 8)
        let pages = PrefetchedPages(from: log.store, through: .max, pageSize: 4) { events in
            if events.contains(where: { $0.position == 5 }) { throw Refused() }
            return events.map(\.position)
        }
        #expect(try pages.next()?.page == [1, 2, 3, 4])
        #expect(throws: ProjectionError.readModel("position 5 is refused")) { try pages.next() }
        #expect(try pages.next() == nil)
    }
}
