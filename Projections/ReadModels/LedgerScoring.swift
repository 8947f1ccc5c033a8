import Foundation
import GRDB
import HadafEvents
import Synchronization

/// Scores a participant-year's facts under the year's policy: the ledger's lines.
struct LedgerScoring {
    let db: Database
    let names: TableNames

    /// Scores a new fact that comes after every other fact of its participant-year: one more
    /// line from the stored sums, exactly what a full rescore would give it. Returns false, doing
    /// nothing, when that cannot be known (no policy, no sums yet, or the fact is not the latest).
    func appendLine(key: String, participant: String, year: Int, rule: String, share: Double, position: Int64) throws -> Bool {
        guard let policy = try policy(for: year), let kind = try kind(of: participant),
              let totals = try Row.fetchOne(db.cachedStatement(sql: "SELECT points, last_position FROM \(names.table("ledger_totals")) WHERE participant_id = ? AND academic_year = ?"), arguments: [participant, year]),
              (totals[1] as Int64) < position
        else { return false }
        let total: Double = totals[0]
        let ruleTotal = try Double.fetchOne(db.cachedStatement(sql: "SELECT points FROM \(names.table("ledger_rule_totals")) WHERE participant_id = ? AND academic_year = ? AND rule_id = ?"), arguments: [participant, year, rule]) ?? 0
        let line = Self.points(policy: policy, kind: kind, rule: rule, share: share, ruleTotal: ruleTotal, total: total)
        if line.points > 0 {
            try insertLine(key: key, participant: participant, year: year, rule: rule, line: line, version: policy.version, position: position)
            try db.cachedStatement(sql: """
                INSERT INTO \(names.table("ledger_rule_totals")) (participant_id, academic_year, rule_id, points) VALUES (?, ?, ?, ?)
                ON CONFLICT (participant_id, academic_year, rule_id) DO UPDATE SET points = excluded.points
                """).execute(arguments: [participant, year, rule, ruleTotal + line.points])
        }
        try updateTotals(participant: participant, kind: kind, year: year, total: total + line.points, lastPosition: position, policy: policy)
        return true
    }

    /// What a fact earns given what the participant-year already holds: its points under the
    /// policy, cut by the rule's cap and the total cap, to two decimals.
    static func points(policy: IncentivePolicy, kind: String, rule: String, share: Double, ruleTotal: Double, total: Double) -> (points: Double, capped: Bool) {
        let earned = (policy.points[rule]?[kind] ?? 0) * share
        let room = min((policy.caps[rule] ?? .infinity) - ruleTotal, (policy.caps["total"] ?? .infinity) - total)
        let points = (min(earned, max(0, room)) * 100).rounded() / 100
        return (points, points < earned)
    }

    private func insertLine(key: String, participant: String, year: Int, rule: String, line: (points: Double, capped: Bool), version: String, position: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO \(names.table("ledger_lines")) (fact_key, participant_id, academic_year, rule_id, points, capped, policy_version, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [key, participant, year, rule, line.points, line.capped ? 1 : 0, version, position])
    }

    /// Scores the participant-year's facts again from the first.
    func rescore(participant: String, year: Int) throws {
        let lines = names.table("ledger_lines")
        try db.cachedStatement(sql: "DELETE FROM \(lines) WHERE participant_id = ? AND academic_year = ?").execute(arguments: [participant, year])
        try db.cachedStatement(sql: "DELETE FROM \(names.table("ledger_rule_totals")) WHERE participant_id = ? AND academic_year = ?").execute(arguments: [participant, year])
        guard let policy = try policy(for: year), let kind = try kind(of: participant) else { return }
        let facts = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT fact_key, rule_id, share, position FROM \(names.table("ledger_facts"))
            WHERE participant_id = ? AND academic_year = ? AND retracted = 0 ORDER BY position, fact_key
            """), arguments: [participant, year])
        var byRule: [String: Double] = [:]
        var total = 0.0
        var lastPosition: Int64 = 0
        for fact in facts {
            let rule: String = fact[1]
            lastPosition = fact[3]
            let line = Self.points(policy: policy, kind: kind, rule: rule, share: fact[2], ruleTotal: byRule[rule, default: 0], total: total)
            guard line.points > 0 else { continue }
            byRule[rule, default: 0] += line.points
            total += line.points
            try insertLine(key: fact[0], participant: participant, year: year, rule: rule, line: line, version: policy.version, position: lastPosition)
        }
        let ruleTotals = try db.cachedStatement(sql: "INSERT INTO \(names.table("ledger_rule_totals")) (participant_id, academic_year, rule_id, points) VALUES (?, ?, ?, ?)")
        for (rule, points) in byRule.sorted(by: { $0.key < $1.key }) { try ruleTotals.execute(arguments: [participant, year, rule, points]) }
        try updateTotals(participant: participant, kind: kind, year: year, total: total, lastPosition: lastPosition, policy: policy)
    }

    /// Records the participant-year's new total, moves their university's total by the change
    /// (never a sum over the university, which would make rebuilds quadratic), and recomputes both
    /// eligibilities.
    private func updateTotals(participant: String, kind: String, year: Int, total: Double, lastPosition: Int64, policy: IncentivePolicy) throws {
        let totals = names.table("ledger_totals")
        let previous = try Double.fetchOne(db.cachedStatement(sql: "SELECT points FROM \(totals) WHERE participant_id = ? AND academic_year = ?"), arguments: [participant, year]) ?? 0
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(totals) (participant_id, academic_year, points, last_position) VALUES (?, ?, ?, ?)")
            .execute(arguments: [participant, year, total, lastPosition])
        let university = try String.fetchOne(db.cachedStatement(sql: "SELECT university FROM \(names.table("ledger_participants")) WHERE participant_id = ?"), arguments: [participant])
        let eligibility = names.table("eligibility")
        try record(participant, kind: kind, university: university, total: total, year: year, policy: policy, in: eligibility)
        guard let university, total != previous else { return }
        let universityTotals = names.table("ledger_university_totals")
        try db.cachedStatement(sql: """
            INSERT INTO \(universityTotals) (university, academic_year, points) VALUES (?, ?, ?)
            ON CONFLICT (university, academic_year) DO UPDATE SET points = round(points + excluded.points, 2)
            """).execute(arguments: [university, year, total - previous])
        let universityTotal = try Double.fetchOne(db.cachedStatement(sql: "SELECT points FROM \(universityTotals) WHERE university = ? AND academic_year = ?"), arguments: [university, year]) ?? 0
        try record("university:\(university)", kind: "university", university: university, total: universityTotal, year: year, policy: policy, in: eligibility)
    }

    private func record(_ participant: String, kind: String, university: String?, total: Double, year: Int, policy: IncentivePolicy, in table: String) throws {
        try db.cachedStatement(sql: "DELETE FROM \(table) WHERE participant_id = ? AND academic_year = ?").execute(arguments: [participant, year])
        let insert = try db.cachedStatement(sql: "INSERT INTO \(table) (participant_id, academic_year, incentive, university, points, policy_version) VALUES (?, ?, ?, ?, ?, ?)")
        for (incentive, threshold) in policy.thresholds.sorted(by: { $0.key < $1.key })
        where threshold.kinds.contains(kind) && total >= threshold.minimumPoints {
            try insert.execute(arguments: [participant, year, incentive, university, total, policy.version])
        }
    }

    private func kind(of participant: String) throws -> String? {
        if participant.hasPrefix("group:") { return "student_group" }
        return try String.fetchOne(db.cachedStatement(sql: "SELECT kind FROM \(names.table("ledger_participants")) WHERE participant_id = ?"), arguments: [participant])
    }

    private func policy(for year: Int) throws -> IncentivePolicy? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT content_hash, source FROM \(names.table("ledger_policies")) WHERE academic_year = ?"), arguments: [year]) else { return nil }
        return try PolicyCache.shared.policy(hash: row[0], source: row[1])
    }
}

/// Decoded policies by content hash: a policy is decoded once, not at every rescoring.
final class PolicyCache: Sendable {
    static let shared = PolicyCache()
    private let policies = Mutex<[String: IncentivePolicy]>([:])

    func policy(hash: String, source: String) throws -> IncentivePolicy {
        if let cached = policies.withLock({ $0[hash] }) { return cached }
        let policy = try JSONDecoder().decode(IncentivePolicy.self, from: Data(source.utf8))
        policies.withLock { $0[hash] = policy }
        return policy
    }
}
