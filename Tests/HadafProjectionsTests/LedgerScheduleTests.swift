import HadafEvents
@testable import HadafProjections
import Testing

@Suite("A policy as the ledger's scoring reads it")
struct LedgerScheduleTests {
    /// Every rule with points and a cap of its own, so that a rule read from another's place
    /// in the arrays shows.
    private static let policy = IncentivePolicy(
        academicYear: 1404, version: "1404-test",
        points: Dictionary(uniqueKeysWithValues: IncentivePolicy.ruleIds.enumerated().map { index, rule in
            (rule, ["student": Double(index + 1), "faculty": Double(10 * (index + 1))])
        }),
        caps: Dictionary(uniqueKeysWithValues: IncentivePolicy.ruleIds.dropLast().enumerated().map { index, rule in (rule, Double(100 + index)) })
            .merging(["total": 500]) { $1 },
        thresholds: [:])

    @Test func eachRuleHasItsOwnPointsAndCapForTheKind() {
        for kind in ["student", "faculty"] {
            let schedule = LedgerSchedule(policy: Self.policy, kind: kind)
            for rule in LedgerRule.allCases {
                #expect(schedule.points(for: rule) == Self.policy.points[rule.rawValue]?[kind])
                #expect(schedule.cap(for: rule) == Self.policy.caps[rule.rawValue] ?? .infinity)
            }
            #expect(schedule.totalCap == 500 && schedule.version == "1404-test" && schedule.kind == kind)
        }
    }

    /// A kind the policy does not score earns nothing; a rule or a total without a cap has none.
    @Test func whatThePolicyLeavesOutIsNothingOrUncapped() {
        let schedule = LedgerSchedule(policy: Self.policy, kind: "student_group")
        #expect(LedgerRule.allCases.allSatisfy { schedule.points(for: $0) == 0 })
        #expect(schedule.cap(for: .festivalWinner) == .infinity)
        var uncapped = Self.policy
        uncapped.caps = [:]
        #expect(LedgerSchedule(policy: uncapped, kind: "student").totalCap == .infinity)
    }
}
