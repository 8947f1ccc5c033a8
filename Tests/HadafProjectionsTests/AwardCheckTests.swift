@testable import HadafProjections
import Testing

@Suite("What the audit keeps of an award")
struct AwardCheckTests {
    /// The national audit keeps one of these for each of over a million awards until the replay
    /// reaches its basis: a word more each is ten megabytes there.
    @Test func anAwardCheckTakesSixtyFourBytes() {
        #expect(MemoryLayout<AwardCheck>.stride == 64)
    }
}
