import EventStore
import Foundation
import Testing

@Suite("Following the log live")
struct FollowTests {
    @Test func aFollowerReceivesEveryEventInOrderWhileWritersAppend() async throws {
        let test = try TestStore()
        for number in 0..<25 { _ = try await test.store.append([sampleEvent(number)], to: "before") }
        let total = 25 + 8 * 60

        let follower = Task {
            var positions: [Int64] = []
            for try await event in test.store.follow(from: 1, pageSize: 7) {
                positions.append(event.position)
                if positions.count == total { break }
            }
            return positions
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for number in 0..<60 {
                        _ = try await test.store.append([sampleEvent(number)], to: "writer-\(writer)")
                        if number % 10 == 0 { try await Task.sleep(for: .milliseconds(2)) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let positions = try await follower.value
        #expect(positions == Array(1...Int64(total)))
    }

    @Test func aFollowerStartedAtAPositionSkipsWhatCameBefore() async throws {
        let test = try TestStore()
        for number in 0..<10 { _ = try await test.store.append([sampleEvent(number)], to: "s") }
        var iterator = test.store.follow(from: 8).makeAsyncIterator()
        #expect(try await iterator.next()?.position == 8)
        #expect(try await iterator.next()?.position == 9)
        #expect(try await iterator.next()?.position == 10)
        _ = try await test.store.append([sampleEvent(11)], to: "s")
        #expect(try await iterator.next()?.position == 11)
    }

    @Test func aFollowerEndsWhenItsTaskIsCancelled() async throws {
        let test = try TestStore()
        let follower = Task {
            var count = 0
            for try await _ in test.store.follow() { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(50))
        follower.cancel()
        #expect(try await follower.value == 0)
    }

    @Test func waitForReturnsOnceThePositionIsCommittedOrFalseAtTheTimeout() async throws {
        let test = try TestStore()
        #expect(try await test.store.waitFor(position: 1, timeout: .milliseconds(20)) == false)

        let waiter = Task { try await test.store.waitFor(position: 3, timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(20))
        for number in 0..<3 { _ = try await test.store.append([sampleEvent(number)], to: "s") }
        #expect(try await waiter.value == true)
        #expect(try await test.store.waitFor(position: 2, timeout: .zero) == true)
    }

    /// Another process (here, a second store on the same file) appends; the follower notices
    /// without being woken by its own writer.
    @Test func aFollowerSeesEventsAppendedByAnotherWriterOfTheFile() async throws {
        let test = try TestStore()
        let other = try EventStore.open(at: test.path)
        var iterator = test.store.follow(idleCheck: .milliseconds(50)).makeAsyncIterator()
        _ = try await other.append([sampleEvent(1)], to: "elsewhere")
        let event = try await iterator.next()
        #expect(event?.stream == "elsewhere")
    }
}
