import EventStore
import Foundation
import HadafEvents
import HadafProjections
import Participation

/// The certificate of an award in force: an Open Badges 3.0 credential (a W3C Verifiable
/// Credential) signed with the platform key (``DataIntegrityProof``), and a page in Persian
/// and English that carries it, with the Jalali date and the verification code.
public struct Certificate: Sendable {
    public let record: AwardRecord
    public let recipientName: String
    public let universityName: String
    public let universityEnglishName: String
    /// The signed credential.
    public let credential: JSONValue

    static let contexts: [JSONValue] = [.string("https://www.w3.org/ns/credentials/v2"), .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")]

    /// The certificate of `awardId`, signed with `key`; refused for an award not in force.
    public static func make(for awardId: String, store: EventStore, key: SigningKey) throws(DomainError) -> Certificate {
        guard let record = try LogReadSide.translating({ () throws(ProjectionError) in try AwardRecord.find(awardId, in: store) }) else { throw .awardNotFound }
        return try make(for: record, store: store, key: key)
    }

    /// The certificate of an award already read from its stream; refused when not in force.
    public static func make(for record: AwardRecord, store: EventStore, key: SigningKey) throws(DomainError) -> Certificate {
        guard record.status == .inForce else { throw .awardNotInForce }
        let issued = record.issued
        let university = try CommandHandler<University>(store: store).load(University.stream(code: issued.university)).state.registered
        let universityName = university?.name ?? issued.university
        let recipientName = try DisplayNames(store: store).recipient(issued.recipient, universityName: universityName)
        let issuer = DataIntegrityProof.didKey(ofPublicKey: key.publicKey) ?? ""
        let validFrom = UTCTimestamp.format(milliseconds: record.issuedAtMilliseconds)
        var narrative = "Awarded under the incentive policy \(issued.policyVersion) of the academic year \(AcademicYear(startYear: issued.academicYear)) at \(university?.englishName ?? issued.university)"
        narrative += issued.kind.isByThreshold
            ? ", with \(issued.basis.points) points in the participation ledger read at log position \(issued.basis.readAt)."
            : ", for entry \(issued.basis.entryId ?? "") of festival \(issued.basis.festivalId ?? "") (announced at log position \(issued.basis.positions.first ?? 0))."
        let document = JSONValue.object([
            "@context": .array(contexts),
            "id": .string("urn:hadaf:certificate:\(issued.verificationCode)"),
            "type": .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]),
            "name": .string("\(issued.kind.persianName) — \(issued.kind.englishName)"),
            "issuer": .object([
                "id": .string(issuer), "type": .array([.string("Profile")]),
                "name": .string("هدف — همیاری دانشگاهیان در فرهنگ، وزارت علوم، تحقیقات و فناوری (HADAF, Ministry of Science, Research and Technology)"),
            ]),
            "validFrom": .string(validFrom),
            "credentialSubject": .object([
                "type": .array([.string("AchievementSubject")]),
                "identifier": .array([.object([
                    "type": .string("IdentityObject"), "identityType": .string("name"), "hashed": .bool(false), "identityHash": .string(recipientName),
                ])]),
                "achievement": .object([
                    "id": .string("urn:hadaf:achievement:\(issued.kind.rawValue):\(issued.academicYear)"),
                    "type": .array([.string("Achievement")]),
                    "name": .string(issued.kind.persianName),
                    "description": .string(issued.kind.englishName.prefix(1).uppercased() + issued.kind.englishName.dropFirst() + amountText(issued)),
                    "criteria": .object(["narrative": .string(narrative)]),
                ]),
            ]),
            "evidence": .array([.object([
                "id": .string("urn:hadaf:award:\(issued.awardId)"), "type": .array([.string("Evidence")]),
                "narrative": .string("Award \(issued.awardId), recorded at log position \(record.position); `hadaf explain \(issued.awardId)` shows each event behind it."),
            ])]),
        ])
        return Certificate(
            record: record, recipientName: recipientName, universityName: universityName, universityEnglishName: university?.englishName ?? issued.university,
            credential: DataIntegrityProof.sign(document, with: key, created: validFrom))
    }

    /// The credential as a file holds it: its canonical JSON.
    public var json: Data { Data(credential.canonicalText.utf8) }

    private static func amountText(_ issued: AwardIssued) -> String {
        var text = ""
        if let rials = issued.rials { text += ", \(rials) rials" }
        if let points = issued.promotionPoints { text += ", \(points) promotion points under Article 1" }
        return text
    }
}
