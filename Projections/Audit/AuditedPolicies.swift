import Crypto
import EventStore
import Foundation
import HadafEvents

/// The incentive policies as the audit reads them: each `policy.adopted` is checked against
/// the hash of its own text and against who adopted it (``AuditedStaff``). An award under a
/// policy whose adoption does not hold is itself a finding, and its caps are read from the
/// text that was hashed, not from what a forger claims.
struct AuditedPolicies {
    struct Adoption {
        let position: Int64
        let policy: IncentivePolicy?
        /// Why the adoption does not hold, or nil.
        let fault: String?
    }

    /// The adoptions of each (year, version), the last one last.
    private(set) var adoptions: [String: [Adoption]] = [:]
    private(set) var findings: [AuditFinding] = []

    static func read(from store: EventStore, staff: inout AuditedStaff) throws(ProjectionError) -> AuditedPolicies {
        var policies = AuditedPolicies()
        let streams: [String]
        do { streams = try store.streams(prefixed: "policy-") } catch { throw .log(error) }
        for stream in streams {
            let events: [RecordedEvent]
            do { events = try store.readStream(stream) } catch { throw .log(error) }
            for recorded in events where recorded.type == PolicyAdopted.eventType {
                guard let adopted = try? recorded.decode(as: PolicyAdopted.self) else {
                    policies.findings.append(AuditFinding(
                        rule: .eventUnreadable, awardId: nil, explanation: "The policy adoption at position \(recorded.position) cannot be read.", positions: [recorded.position]))
                    continue
                }
                var fault: String?
                let policy = try? adopted.policy()
                if Data(SHA256.hash(data: Data(adopted.source.utf8))).hexString != adopted.contentHash {
                    fault = "its contentHash is not the SHA-256 of its text"
                } else if policy == nil {
                    fault = "its text is not a policy"
                } else if policy!.academicYear != adopted.academicYear || policy!.version != adopted.version || stream != PolicyAdopted.stream(year: adopted.academicYear) {
                    fault = "its text is policy \(policy!.version) of \(policy!.academicYear), recorded as \(adopted.version) of \(adopted.academicYear) in \(stream)"
                } else if let refusal = try staff.refusal(of: recorded, named: nil, scope: .ministry) {
                    fault = refusal.reason
                }
                if let fault {
                    policies.findings.append(AuditFinding(
                        rule: .policyInvalid, awardId: nil,
                        explanation: "The adoption of policy '\(adopted.version)' for \(adopted.academicYear) at position \(recorded.position) does not hold: \(fault).",
                        positions: [recorded.position]))
                }
                policies.adoptions[key(adopted.academicYear, adopted.version), default: []].append(Adoption(position: recorded.position, policy: policy, fault: fault))
            }
        }
        return policies
    }

    /// The adoption in force under this name for the year at `position`: the last one before it.
    func adoption(year: Int, version: String, before position: Int64) -> Adoption? {
        adoptions[Self.key(year, version)]?.last { $0.position < position }
    }

    private static func key(_ year: Int, _ version: String) -> String { "\(year)|\(version)" }
}
