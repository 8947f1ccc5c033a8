import EventStore
import Foundation
import HadafEvents
import HadafProjections
import Participation

/// What checking a certificate found: `valid`, `revoked` or `forged`, from a certificate file
/// (its credential JSON, or the page that embeds it) or from the code printed on it.
public struct CertificateVerification: Codable, Hashable, Sendable {
    public enum Verdict: String, Codable, Sendable {
        /// Signed by the platform, and the award is in force.
        case valid
        /// Signed by the platform, but the award was revoked since.
        case revoked
        /// Not signed by the platform, altered since, or naming no award.
        case forged
    }

    public let verdict: Verdict
    /// Why, in English.
    public let explanation: String
    /// The award, when one was found.
    public let awardId: String?
    public let kind: AwardKind?
    public let academicYear: Int?
    public let university: String?
    public let revocationReason: String?

    /// Checks a certificate file against the platform key (base64) and the log.
    public static func check(file: Data, trusting publicKey: String, in store: EventStore) throws(DomainError) -> CertificateVerification {
        guard let credential = try? JSONValue(parsing: embeddedCredential(in: file) ?? file) else { return forged("the file holds no credential") }
        guard let signer = DataIntegrityProof.signer(of: credential) else { return forged("its signature does not verify: it was altered, or never signed") }
        guard signer == publicKey else { return forged("it is signed by another key than the platform's") }
        guard let id = credential["id"]?.stringValue, id.hasPrefix("urn:hadaf:certificate:") else { return forged("it names no verification code") }
        return try check(code: String(id.dropFirst("urn:hadaf:certificate:".count)), in: store)
    }

    /// Checks the code printed on a certificate against the log.
    public static func check(code: String, in store: EventStore) throws(DomainError) -> CertificateVerification {
        guard let record = try LogReadSide.translating({ () throws(ProjectionError) in try AwardRecord.find(code: code, in: store) }) else {
            return forged("no award carries the code \(code)")
        }
        let issued = record.issued
        let verdict: Verdict
        let explanation: String
        switch record.status {
        case .inForce:
            verdict = .valid
            explanation = "award \(issued.awardId) (\(issued.kind.englishName), \(AcademicYear(startYear: issued.academicYear)), \(issued.university)) is in force"
        case .revoked:
            verdict = .revoked
            explanation = "award \(issued.awardId) was revoked: \(record.revocationReason ?? "")"
        case .awaitingApproval:
            verdict = .forged
            explanation = "award \(issued.awardId) still awaits a second officer: no certificate of it has been issued"
        }
        return CertificateVerification(
            verdict: verdict, explanation: explanation, awardId: issued.awardId, kind: issued.kind, academicYear: issued.academicYear,
            university: issued.university, revocationReason: record.revocationReason)
    }

    private static func forged(_ why: String) -> CertificateVerification {
        CertificateVerification(verdict: .forged, explanation: why, awardId: nil, kind: nil, academicYear: nil, university: nil, revocationReason: nil)
    }

    /// The credential a certificate page carries in its `application/vc+json` script, if any.
    static func embeddedCredential(in file: Data) -> Data? {
        let text = String(decoding: file, as: UTF8.self)
        guard let start = text.range(of: #"<script type="application/vc+json">"#), let end = text.range(of: "</script>", range: start.upperBound..<text.endIndex) else { return nil }
        return Data(text[start.upperBound..<end.lowerBound].utf8)
    }
}
