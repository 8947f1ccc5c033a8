import HadafEvents
@testable import HadafProjections
import Testing

@Suite("The ledger's lines in memory")
struct LedgerLineTests {
    /// A line holds its rule as a byte: every rule a policy may score has one, and only those.
    @Test func theRulesAreThoseAPolicyScores() {
        #expect(LedgerRule.allCases.map(\.rawValue) == IncentivePolicy.ruleIds)
    }

    /// Tables naming a rule no ledger wrote are refused, not scored as nothing.
    @Test func anUnknownStoredRuleIsRefused() {
        #expect(throws: ProjectionError.self) { try LedgerRule(stored: "survey.skipped") }
        #expect((try? LedgerRule(stored: "idea.accepted")) == .ideaAccepted)
    }

    /// The audit holds every line of a national year at once (seven million and more): a line
    /// outgrowing its sixty-four bytes would cost half a gigabyte there.
    @Test func aLineTakesSixtyFourBytes() {
        #expect(MemoryLayout<LedgerLine>.stride == 64)
    }

    /// A line finds its key by hash, then by the key itself.
    @Test func anAccountFindsALineByItsKey() {
        var account = LedgerAccount()
        account.years[1404, default: LedgerYear()].lines = [
            LedgerLine(key: "survey:s-1", rule: .surveyAnswered, share: 1, position: 4),
            LedgerLine(key: "submission:sub-7:idea.accepted", rule: .ideaAccepted, share: 0.5, position: 9),
        ]
        account.years[1405, default: LedgerYear()].lines = [LedgerLine(key: "survey:s-2", rule: .surveyAnswered, share: 1, position: 12)]
        #expect(account.find("submission:sub-7:idea.accepted").map { [$0.year, $0.index] } == [1404, 1])
        #expect(account.find("survey:s-2").map { [$0.year, $0.index] } == [1405, 0])
        #expect(account.find("survey:s-3") == nil)
    }
}
