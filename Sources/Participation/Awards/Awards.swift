import EventStore
import Foundation
import HadafEvents

/// Issuing, approving and revoking awards, and allocating the budget lines grants are paid
/// from: the service reads what the office needs from the rest of the log (who the recipient
/// is, their standing in the ledger, a festival's announced prizes) and ``AwardOffice`` decides.
public struct Awards: Sendable {
    let offices: CommandHandler<AwardOffice>
    let universities: CommandHandler<University>
    let festivals: CommandHandler<Festival>
    let directory: ParticipantDirectory
    let store: EventStore
    let readSide: (any AwardReadSide)?

    /// - Parameter readSide: the ledger's standings; without one, awards are refused.
    public init(store: EventStore, clock: any Clock = SystemClock(), readSide: (any AwardReadSide)?) {
        offices = CommandHandler(store: store, clock: clock)
        universities = CommandHandler(store: store, clock: clock)
        festivals = CommandHandler(store: store, clock: clock)
        directory = ParticipantDirectory(store: store)
        self.store = store
        self.readSide = readSide
    }

    public typealias Outcome = CommandHandler<AwardOffice>.Outcome

    /// What an officer asks to award.
    public struct Request: Sendable, Hashable {
        /// A participant id, `group:<id>`, `university:<code>` (a deputy grant) or `deputy:<code>`
        /// (a deputy's festival prize).
        public let recipient: String
        public let kind: AwardKind
        /// The academic year; a festival prize takes its festival's.
        public let academicYear: Int
        /// Needed for a student group; otherwise it must agree with the recipient's.
        public let university: String?
        public let rials: Int64?
        public let budgetLine: String?
        public let promotionPoints: Double?
        /// For a festival prize: the festival and the winning entry.
        public let festivalId: String?
        public let entryId: String?

        public init(
            recipient: String, kind: AwardKind, academicYear: Int, university: String? = nil, rials: Int64? = nil, budgetLine: String? = nil,
            promotionPoints: Double? = nil, festivalId: String? = nil, entryId: String? = nil
        ) {
            self.recipient = recipient
            self.kind = kind
            self.academicYear = academicYear
            self.university = university
            self.rials = rials
            self.budgetLine = budgetLine
            self.promotionPoints = promotionPoints
            self.festivalId = festivalId
            self.entryId = entryId
        }
    }

    /// The ministry allocates money to a budget line of a university's year.
    public func allocate(university: String, year: Int, lineId: String, title: String, rials: Int64, by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        guard AcademicYear.plausibleStartYears.contains(year) else { throw .yearOutOfRange(field: "academicYear", year) }
        _ = try registeredUniversity(university)
        return try await offices.handle(
            .allocate(BudgetLineAllocated(lineId: lineId, title: title, rials: rials)), on: AwardOffice.stream(university: university, year: year),
            by: actor, idempotencyKey: idempotencyKey)
    }

    /// Issues an award; returns the outcome and the new award's id.
    public func issue(_ request: Request, by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> (outcome: Outcome, awardId: String?) {
        let officer = try member(actor)
        guard let readSide else { throw .awardStandingUnavailable }
        var year = request.academicYear
        guard AcademicYear.plausibleStartYears.contains(year) else { throw .yearOutOfRange(field: "academicYear", year) }
        let university = try university(of: request.recipient, given: request.university)
        let evidence: AwardEvidence
        if request.kind == .festivalPrize {
            let (prizeYear, announcedAt, share) = try prize(request)
            year = prizeYear
            let standing = try readSide.standing(of: request.recipient, year: year)
            evidence = AwardEvidence(
                basis: AwardBasis(readAt: standing.readAt, positions: [announcedAt], points: standing.points, festivalId: request.festivalId, entryId: request.entryId),
                policyVersion: standing.policy?.version ?? "", reached: [], prizeRials: share, maximumPromotionPoints: nil,
                secondApprovalAboveRials: standing.policy?.secondApprovalAboveRials)
        } else {
            let standing = try readSide.standing(of: request.recipient, year: year)
            evidence = AwardEvidence(
                basis: AwardBasis(readAt: standing.readAt, positions: standing.positions, points: standing.points),
                policyVersion: standing.policy?.version ?? "", reached: Set(standing.reached), prizeRials: nil,
                maximumPromotionPoints: standing.policy?.thresholds[AwardKind.facultyPromotionPoints.rawValue]?.maximumAward,
                secondApprovalAboveRials: standing.policy?.secondApprovalAboveRials)
        }
        let draft = AwardDraft(
            recipient: request.recipient, university: university, kind: request.kind, academicYear: year, rials: request.rials,
            budgetLine: request.budgetLine, promotionPoints: request.promotionPoints, verificationCode: VerificationCode.make())
        let outcome = try await offices.handle(
            .issue(draft, evidence: evidence, officer: officer), on: AwardOffice.stream(university: university, year: year), by: officer.actor,
            idempotencyKey: idempotencyKey)
        return (outcome, try issuedId(outcome))
    }

    /// A second officer approves an award above the one-officer limit.
    public func approve(_ awardId: String, by actor: Actor) async throws(DomainError) -> Outcome {
        let officer = try member(actor)
        return try await offices.handle(.approve(awardId: awardId, officer: officer), on: try stream(of: awardId), by: officer.actor)
    }

    /// Revokes an award, with the reason.
    public func revoke(_ awardId: String, reason: String, by actor: Actor) async throws(DomainError) -> Outcome {
        let officer = try member(actor)
        return try await offices.handle(.revoke(awardId: awardId, reason: reason, officer: officer), on: try stream(of: awardId), by: officer.actor)
    }

    /// The award with this id, as its office holds it.
    public func award(_ awardId: String) throws(DomainError) -> AwardOffice.Held {
        guard let held = try offices.load(try stream(of: awardId)).state.awards[awardId] else { throw .awardNotFound }
        return held
    }

    // MARK: - What the office needs from the rest of the log

    private func stream(of awardId: String) throws(DomainError) -> String {
        guard let stream = AwardOffice.stream(ofAward: awardId) else { throw .awardNotFound }
        return stream
    }

    private func member(_ actor: Actor) throws(DomainError) -> ParticipantDirectory.Member {
        [.ministryOfficer, .system].contains(actor.role) ? ParticipantDirectory.Member(actor: actor, university: nil) : try directory.member(actor.id)
    }

    private func registeredUniversity(_ code: String) throws(DomainError) -> University.State {
        let state = try universities.load(University.stream(code: code)).state
        guard state.registered != nil else { throw .awardRecipientUnknown }
        return state
    }

    /// The recipient's university: a participant's registration's, a group's (given, and
    /// checked), or the one a university or deputy recipient names.
    private func university(of recipient: String, given: String?) throws(DomainError) -> String {
        let university: String
        if let code = recipient.dropPrefix("university:") ?? recipient.dropPrefix("deputy:") {
            university = code
            _ = try registeredUniversity(code)
        } else if let group = recipient.dropPrefix("group:") {
            guard let given, try registeredUniversity(given).groupIds.contains(group) else { throw .awardRecipientUnknown }
            university = given
        } else {
            guard let registered = try directory.member(recipient).university else { throw .awardRecipientUnknown }
            university = registered
        }
        if let given, given != university { throw .awardRecipientUnknown }
        return university
    }

    /// A festival prize's year, the position of its announcement, and the recipient's share in
    /// rials (nil when the recipient won nothing with that entry).
    private func prize(_ request: Request) throws(DomainError) -> (year: Int, announcedAt: Int64, share: Int64?) {
        guard let festivalId = request.festivalId else { throw .required(field: "festivalId") }
        guard let entryId = request.entryId else { throw .required(field: "entryId") }
        guard let festival = try festivals.load(Festival.stream(festivalId)).state.opened else { throw .festivalNotFound }
        let events: [RecordedEvent]
        do { events = try store.readStream(Festival.stream(festivalId)) } catch { throw .store(error) }
        guard let recorded = events.last(where: { $0.type == FestivalWinnersAnnounced.eventType }),
              case let .announced(announced)? = try? FestivalEvent(recorded)
        else { throw .awardNotEligible(request.recipient, .festivalPrize, year: festival.year) }
        let share = announced.prizes.first { $0.entryId == entryId }.flatMap { $0.share(of: request.recipient) }
        return (festival.year, recorded.position, share)
    }

    private func issuedId(_ outcome: Outcome) throws(DomainError) -> String? {
        guard let position = outcome.result?.firstPosition else { return nil }
        let events: [RecordedEvent]
        do { events = try store.read(from: position, limit: 1) } catch { throw .store(error) }
        guard let recorded = events.first, case let .issued(issued)? = try? AwardEvent(recorded) else { return nil }
        return issued.awardId
    }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
