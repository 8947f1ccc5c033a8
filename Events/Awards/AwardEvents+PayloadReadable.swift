import EventStore

/// An audit reads every award of the year it checks (a national year holds over a hundred
/// thousand), each with the positions of its basis.
extension AwardIssued: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            awardId: try payload.string("awardId"), recipient: try payload.string("recipient"), university: try payload.string("university"),
            kind: try payload.value(AwardKind.self, "kind"), academicYear: try payload.int("academicYear"),
            policyVersion: try payload.string("policyVersion"), basis: try AwardBasis(payload: payload.object("basis")),
            rials: try payload.optionalInt("rials").map(Int64.init), budgetLine: try payload.optionalString("budgetLine"),
            promotionPoints: try payload.optionalDouble("promotionPoints"), verificationCode: try payload.string("verificationCode"),
            issuedBy: try payload.string("issuedBy"), awaitsSecondApproval: try payload.bool("awaitsSecondApproval"))
    }
}

extension AwardBasis: PayloadReadable {
    init(payload: JSONObject) throws {
        guard case let .array(positions)? = payload["positions"] else { throw payload.mismatch([Int64].self, "positions") }
        self.init(
            readAt: Int64(try payload.int("readAt")),
            positions: try positions.map { value in
                guard case let .number(number) = value, let position = Int64(exactly: number) else { throw payload.mismatch(Int64.self, "positions") }
                return position
            },
            points: try payload.double("points"), festivalId: try payload.optionalString("festivalId"), entryId: try payload.optionalString("entryId"))
    }
}
