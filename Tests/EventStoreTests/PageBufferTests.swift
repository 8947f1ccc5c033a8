@testable import EventStore
import Foundation
import Testing

@Suite("A page's shared buffer")
struct PageBufferTests {
    /// Each append's range gives back exactly its bytes, across the buffer's growth (far more
    /// than its first allocation), and empty appends give empty ranges where they stand.
    @Test func everyRangeGivesBackItsBytesAcrossGrowth() {
        var buffer = PageBuffer()
        var chunks: [[UInt8]] = []
        var ranges: [Range<Int>] = []
        for number in 0..<2_000 {
            let chunk = number % 7 == 0 ? [] : Array("event \(number) ".utf8) + Array(repeating: UInt8(number % 251), count: number % 300)
            chunks.append(chunk)
            ranges.append(chunk.withUnsafeBytes { buffer.append($0) })
        }
        let expectedCount = chunks.reduce(0) { $0 + $1.count }
        #expect(buffer.count == expectedCount)
        let data = buffer.data()
        #expect(data.count == expectedCount)
        #expect(data == Data(chunks.joined()))
        for (chunk, range) in zip(chunks, ranges) {
            #expect(Array(data[range]) == chunk)
        }
    }

    /// A buffer given nothing hands over empty data.
    @Test func anEmptyBufferGivesEmptyData() {
        var buffer = PageBuffer()
        #expect([UInt8]().withUnsafeBytes { buffer.append($0) } == 0..<0)
        #expect(buffer.data().isEmpty)
    }
}
