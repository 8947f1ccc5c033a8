import Dispatch
@testable import HadafProjections
import Testing

@Suite("Pages handed between threads")
struct PageChannelTests {
    @Test func itemsSentOnOneThreadArriveOnAnotherInOrder() {
        let channel = PageChannel<Int?>(depth: 2)
        DispatchQueue.global().async {
            for item in 1...50 { _ = channel.send(item) }
            _ = channel.send(nil)
        }
        var received: [Int] = []
        while let item = channel.receive() { received.append(item) }
        #expect(received == Array(1...50))
    }

    @Test func onceStoppedASenderNeitherWaitsNorDelivers() {
        let channel = PageChannel<Int>(depth: 1)
        #expect(channel.send(1))
        // Full: without the stop, the next send would wait for room for ever.
        channel.stop()
        #expect(!channel.send(2))
        #expect(!channel.send(3))
        #expect(channel.receive() == 1)
    }

    @Test func aSenderWaitingForRoomEndsWhenTheReceiverStops() async {
        let channel = PageChannel<Int>(depth: 1)
        #expect(channel.send(1))
        let waiting = Task.detached { channel.send(2) }
        channel.stop()
        #expect(await waiting.value == false)
    }

    @Test func aChannelDroppedWithItemsWaitingIsFreedQuietly() {
        weak var freed: PageChannel<Int>?
        do {
            let channel = PageChannel<Int>(depth: 3)
            #expect(channel.send(1))
            #expect(channel.send(2))
            channel.stop()
            freed = channel
        }
        // Made with its room as its initial value, its semaphore would have stopped the process here.
        #expect(freed == nil)
    }
}
