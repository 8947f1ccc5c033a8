import HadafEvents

extension CommandRequest {
    /// The university the command acts on, when its payload names one: what confines a
    /// university deputy officer to their own.
    public var university: String? {
        switch command {
        case let .registerParticipant(payload): payload.university
        case let .registerStudentGroup(payload): payload.university
        case let .registerCulturalDeputy(payload): payload.university
        case let .registerUniversity(payload): payload.code
        case let .allocateBudget(payload): payload.university
        case let .issueAward(request): request.university
        case let .approveAward(payload): AwardEvent.office(ofAward: payload.awardId)?.university
        case let .revokeAward(payload): AwardEvent.office(ofAward: payload.awardId)?.university
        default: nil
        }
    }
}
