import EventStore
import Foundation
import Testing

@Suite("Concurrent appends and group commit")
struct ConcurrentAppendTests {
    /// Each round, many tasks race to append two events at the same expected version.
    @Test func exactlyOneTaskWinsEachVersionAndNoAppendIsHalfWritten() async throws {
        let test = try TestStore()
        let contenders = 24
        let rounds = 15
        for round in 0..<rounds {
            let expected: ExpectedVersion = round == 0 ? .noStream : .exact(Int64(round * 2))
            let outcomes = await withTaskGroup(of: Result<AppendResult, EventStoreError>.self) { group in
                for contender in 0..<contenders {
                    group.addTask {
                        do {
                            let events = try [sampleEvent(contender), sampleEvent(contender)]
                            return .success(try await test.store.append(events, to: "regulation-7", expectedVersion: expected))
                        } catch let error as EventStoreError {
                            return .failure(error)
                        } catch {
                            Issue.record(error)
                            return .failure(.storage("unexpected"))
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1, "round \(round)")
            #expect(winners.first?.lastStreamVersion == Int64(round * 2 + 2))
            for case let .failure(error) in outcomes {
                #expect(error == .versionConflict(stream: "regulation-7", expected: expected, actual: Int64(round * 2 + 2)))
            }
        }
        let stream = try test.store.readStream("regulation-7")
        #expect(stream.map(\.streamVersion) == Array(1...Int64(rounds * 2)))
        // Each winning append's two events stand together: same contender, adjacent positions.
        for pair in stream.chunked(by: 2) {
            let first = try #require(pair.first), second = try #require(pair.last)
            #expect(first.payload == second.payload)
            #expect(second.position == first.position + 1)
        }
        #expect(try test.store.verify().isIntact)
    }

    /// Many tasks appending to their own streams at once all succeed, in gapless positions.
    @Test func concurrentAppendersAllSucceedWithGaplessPositions() async throws {
        let test = try TestStore()
        let tasks = 64
        let perTask = 20
        let positions = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var positions: [Int64] = []
                    for number in 0..<perTask {
                        let result = try await test.store.append([sampleEvent(number)], to: "participant-\(task)", expectedVersion: .exact(Int64(number)))
                        positions.append(result.firstPosition)
                    }
                    return positions
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(positions.sorted() == Array(1...Int64(tasks * perTask)))
        #expect(try test.store.verify().eventsChecked == Int64(tasks * perTask))
    }

    /// A refusal inside a shared transaction does not fail the other callers' appends.
    @Test func oneCallersRefusalDoesNotFailAnotherAppendInTheSameBatch() async throws {
        let test = try TestStore()
        let appends = try (0..<50).map { number in
            try StreamAppend(
                stream: "s-\(number % 5)", events: [sampleEvent(number)],
                expectedVersion: number % 5 == 0 ? .exact(99) : .any)
        }
        let outcomes = await test.store.append(appends)
        for (number, outcome) in outcomes.enumerated() {
            if number % 5 == 0 {
                #expect(throws: EventStoreError.self) { try outcome.get() }
            } else {
                #expect(throws: Never.self) { try outcome.get() }
            }
        }
        #expect(try test.store.read(limit: 100).count == 40)
    }
}

extension Array {
    func chunked(by size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
