@testable import HadafProjections
import Testing

@Suite("What the audit keeps of an award")
struct AwardCheckTests {
    /// The national audit keeps one of these for each of over a million awards until the replay
    /// reaches its basis: a word more each is eight megabytes there. The last word is the time
    /// it was issued, which the check against acts dated after it needs.
    @Test func anAwardCheckTakesSeventyTwoBytes() {
        #expect(MemoryLayout<AwardCheck>.stride == 72)
    }
}
