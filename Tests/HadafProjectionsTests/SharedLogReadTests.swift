import EventStore
import GRDB
@testable import HadafProjections
import Testing

@Suite("The log read once for several threads")
struct SharedLogReadTests {
    private func log(events count: Int) async throws -> ProjectionLog {
        let log = try ProjectionLog()
        for index in 1...count { try await log.note("\(index)") }
        return log
    }

    /// The positions of every page the channel delivers, up to its nil.
    private func drain(_ channel: PageChannel<[RecordedEvent]?>) -> [[Int64]] {
        var pages: [[Int64]] = []
        while let page = channel.receive() { pages.append(page.map(\.position)) }
        return pages
    }

    @Test func everyReceiverGetsEveryPageInOrderThenTheEnd() async throws {
        let log = try await log(events: 7)
        let read = SharedLogRead(of: log.runner([], pageSize: 3), receivers: 2)
        let other = Task.detached { drain(read.channels[1]) }
        #expect(drain(read.channels[0]) == [[1, 2, 3], [4, 5, 6], [7]])
        #expect(await other.value == [[1, 2, 3], [4, 5, 6], [7]])
        try read.checkEnd()
    }

    @Test func aReceiverThatStopsLeavesTheOthersTheirPages() async throws {
        let log = try await log(events: 30)
        let read = SharedLogRead(of: log.runner([], pageSize: 2), receivers: 2)
        // Stopped at once: without it, the reader would wait for room in its full channel.
        read.channels[0].stop()
        #expect(drain(read.channels[1]).flatMap { $0 } == Array(1...30))
        try read.checkEnd()
    }

    @Test func aReadThatFailsEndsThePagesAndSaysWhy() async throws {
        let log = try await log(events: 4)
        try await DatabaseQueue(path: log.store.path).write { db in try db.execute(sql: "DROP TABLE events") }
        let read = SharedLogRead(of: log.runner([], pageSize: 2), receivers: 2)
        #expect(drain(read.channels[0]).isEmpty)
        #expect(drain(read.channels[1]).isEmpty)
        #expect(throws: ProjectionError.self) { try read.checkEnd() }
    }
}
