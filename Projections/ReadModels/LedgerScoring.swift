import Foundation
import GRDB
import HadafEvents
import Synchronization

/// Scores a participant-year's facts under the year's policy: the ledger's lines.
struct LedgerScoring {
    let db: Database
    let names: TableNames

    func rescore(participant: String, year: Int) throws {
        let lines = names.table("ledger_lines")
        try db.cachedStatement(sql: "DELETE FROM \(lines) WHERE participant_id = ? AND academic_year = ?").execute(arguments: [participant, year])
        guard let policy = try policy(for: year), let kind = try kind(of: participant) else { return }
        let facts = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT fact_key, rule_id, share, position FROM \(names.table("ledger_facts"))
            WHERE participant_id = ? AND academic_year = ? AND retracted = 0 ORDER BY position, fact_key
            """), arguments: [participant, year])
        var byRule: [String: Double] = [:]
        var total = 0.0
        let insert = try db.cachedStatement(sql: """
            INSERT INTO \(lines) (fact_key, participant_id, academic_year, rule_id, points, capped, policy_version, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for fact in facts {
            let rule: String = fact[1]
            let share: Double = fact[2]
            let earned = (policy.points[rule]?[kind] ?? 0) * share
            let room = min((policy.caps[rule] ?? .infinity) - byRule[rule, default: 0], (policy.caps["total"] ?? .infinity) - total)
            let points = (min(earned, max(0, room)) * 100).rounded() / 100
            guard points > 0 else { continue }
            byRule[rule, default: 0] += points
            total += points
            try insert.execute(arguments: [fact[0] as String, participant, year, rule, points, points < earned ? 1 : 0, policy.version, fact[3] as Int64])
        }
        try updateEligibility(participant: participant, kind: kind, year: year, policy: policy)
    }

    /// Recomputes the participant's eligibility for the year, and their university's.
    private func updateEligibility(participant: String, kind: String, year: Int, policy: IncentivePolicy) throws {
        let eligibility = names.table("eligibility")
        let lines = names.table("ledger_lines")
        let university = try String.fetchOne(db.cachedStatement(sql: "SELECT university FROM \(names.table("ledger_participants")) WHERE participant_id = ?"), arguments: [participant])
        let total = try Double.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(points), 0) FROM \(lines) WHERE participant_id = ? AND academic_year = ?"), arguments: [participant, year]) ?? 0
        try record(participant, kind: kind, university: university, total: total, year: year, policy: policy, in: eligibility)
        guard let university else { return }
        let universityTotal = try Double.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(l.points), 0) FROM \(lines) l JOIN \(names.table("ledger_participants")) p ON p.participant_id = l.participant_id
            WHERE p.university = ? AND l.academic_year = ?
            """), arguments: [university, year]) ?? 0
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
