import EventStore
import HadafEvents

/// One award as its stream tells it, found by id or by the verification code its certificate
/// carries: what a certificate is made from and checked against.
public struct AwardRecord: Equatable, Sendable {
    /// Where an award stands.
    public enum Status: String, Codable, Sendable {
        case inForce = "in_force"
        /// Above the one-officer limit and not yet approved: it does not count yet.
        case awaitingApproval = "awaiting_approval"
        case revoked
    }

    public let issued: AwardIssued
    public let position: Int64
    public let issuedAtMilliseconds: Int64
    public let approvedBy: String?
    public let revocationReason: String?

    public var status: Status {
        if revocationReason != nil { return .revoked }
        return issued.awaitsSecondApproval && approvedBy == nil ? .awaitingApproval : .inForce
    }

    init(_ award: AuditedOffice.Award) {
        issued = award.issued
        position = award.position
        issuedAtMilliseconds = award.issuedAtMilliseconds
        approvedBy = award.approval?.by
        revocationReason = award.revocation?.reason
    }

    /// The award with this id.
    public static func find(_ awardId: String, in store: EventStore) throws(ProjectionError) -> AwardRecord? {
        try AuditedOffice.read(ofAward: awardId, from: store)?.awards.first { $0.issued.awardId == awardId }.map(AwardRecord.init)
    }

    /// The award whose certificate carries this code (letters in either case, with or without
    /// its dashes). Reads every awards stream: a lookup for people, not a hot path.
    public static func find(code: String, in store: EventStore) throws(ProjectionError) -> AwardRecord? {
        let wanted = normalised(code)
        guard !wanted.isEmpty else { return nil }
        let streams: [String]
        do { streams = try store.streams(prefixed: "awards-") } catch { throw .log(error) }
        for stream in streams {
            if let found = try awards(in: stream, store).first(where: { normalised($0.issued.verificationCode) == wanted }) { return found }
        }
        return nil
    }

    /// The awards of `recipient` at `university`, every year, in the order they were issued.
    public static func held(by recipient: String, university: String, in store: EventStore) throws(ProjectionError) -> [AwardRecord] {
        let streams: [String]
        do { streams = try store.streams(prefixed: "awards-\(university)-") } catch { throw .log(error) }
        var held: [AwardRecord] = []
        for stream in streams where AwardEvent.office(ofStream: stream)?.university == university {
            held += try awards(in: stream, store).filter { $0.issued.recipient == recipient }
        }
        return held.sorted { $0.position < $1.position }
    }

    private static func normalised(_ code: String) -> String {
        String(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }

    private static func awards(in stream: String, _ store: EventStore) throws(ProjectionError) -> [AwardRecord] {
        try AuditedOffice.read(stream, from: store).awards.map(AwardRecord.init)
    }
}
