import EventStore
import Foundation
import HadafEvents

/// Runs ``CommandRequest``s through the same handlers and services whatever sends them: a
/// script (`hadaf exec`) today, the server's form handler and JSON API later.
public struct CommandRunner: Sendable {
    let store: EventStore
    let clock: any Clock
    let catalogue: DuplicateCatalogue
    let festivalReadSide: (any FestivalReadSide)?
    let awardReadSide: (any AwardReadSide)?

    /// - Parameters:
    ///   - festivalReadSide: computes a festival's selection for `festival.announce_winners`,
    ///     and the ledger points a category may ask of its entrants; without one those are refused.
    ///   - awardReadSide: the ledger standings `award.issue` records; without one awards are refused.
    public init(
        store: EventStore, clock: any Clock = SystemClock(), festivalReadSide: (any FestivalReadSide)? = nil, awardReadSide: (any AwardReadSide)? = nil
    ) {
        self.store = store
        self.clock = clock
        self.festivalReadSide = festivalReadSide
        self.awardReadSide = awardReadSide
        catalogue = DuplicateCatalogue(store: store)
    }

    /// What a command did.
    public struct Result: Sendable, Hashable {
        /// The log positions of its events; nil when it changed nothing (it was already done).
        public let positions: ClosedRange<Int64>?
        /// The participant id a registration (or erasure) concerned.
        public let participantId: String?
        /// The id of the award an `award.issue` issued.
        public var awardId: String? = nil

        public var eventCount: Int { positions.map { Int($0.count) } ?? 0 }
    }

    public func run(_ request: CommandRequest) async throws(DomainError) -> Result {
        let clock = ManualClock(request.at ?? self.clock.now())
        let actor = try resolve(request.actor)
        let key = request.idempotencyKey
        func done(_ outcome: some OutcomeCarrying) -> Result { Result(positions: outcome.recorded?.positions, participantId: nil) }
        let universities = CommandHandler<University>(store: store, clock: clock)
        let surveys = CommandHandler<Survey>(store: store, clock: clock)
        let regulations = CommandHandler<Regulation>(store: store, clock: clock)
        switch request.command {
        case let .registerUniversity(p):
            return done(try await universities.handle(
                .register(code: p.code, name: p.name, englishName: p.englishName, province: p.province),
                on: University.stream(code: p.code), by: actor, idempotencyKey: key))
        case let .registerCulturalDeputy(p):
            return done(try await universities.handle(.registerCulturalDeputy(name: p.name), on: University.stream(code: p.university), by: actor, idempotencyKey: key))
        case let .registerStudentGroup(p):
            return done(try await universities.handle(
                .registerStudentGroup(groupId: p.groupId, name: p.name), on: University.stream(code: p.university), by: actor, idempotencyKey: key))
        case let .appointStaff(p):
            return done(try await CommandHandler<Staff>(store: store, clock: clock).handle(
                .appoint(officerId: p.officerId, role: p.role), on: Staff.stream(p.officerId), by: actor, idempotencyKey: key))
        case let .dismissStaff(p):
            return done(try await CommandHandler<Staff>(store: store, clock: clock).handle(
                .dismiss(officerId: p.officerId, reason: p.reason), on: Staff.stream(p.officerId), by: actor, idempotencyKey: key))
        case let .registerParticipant(p):
            let personal = try PersonalData(displayName: p.displayName, nationalCode: p.nationalCode, email: p.email)
            let registry = ParticipantRegistry(store: store, clock: clock)
            let id = try await registry.register(kind: p.kind, university: p.university, studentGroup: p.studentGroup, personal: personal, by: actor, idempotencyKey: key)
            return try participantResult(id, last: false)
        case let .eraseParticipant(p):
            let id = try participantId(p.participantId, nationalCode: p.nationalCode)
            try await ParticipantRegistry(store: store, clock: clock).erase(id, by: actor)
            return try participantResult(id, last: true)
        case let .draftSurvey(p):
            return done(try await surveys.handle(.draft(surveyId: p.surveyId, definition: p.definition), on: Survey.stream(p.surveyId), by: actor, idempotencyKey: key))
        case let .publishSurvey(p):
            return done(try await surveys.handle(.publish, on: Survey.stream(p.surveyId), by: actor, idempotencyKey: key))
        case let .closeSurvey(p):
            return done(try await Surveys(store: store, clock: clock).close(p.surveyId, by: actor, idempotencyKey: key))
        case let .answerSurvey(p):
            return done(try await Surveys(store: store, clock: clock).answer(p.surveyId, answers: p.answers, by: actor.id, idempotencyKey: key))
        case let .publishRegulation(p):
            return done(try await regulations.handle(
                .publish(regulationId: p.regulationId, kind: p.kind, title: p.title, articles: p.articles),
                on: Regulation.stream(p.regulationId), by: actor, idempotencyKey: key))
        case let .openReviewRound(p):
            return done(try await regulations.handle(.openRound(deadline: p.deadline, audience: p.audience), on: Regulation.stream(p.regulationId), by: actor, idempotencyKey: key))
        case let .contribute(p):
            return done(try await RegulationReviews(store: store, clock: clock).contribute(
                p.regulationId, contributionId: p.contributionId, kind: p.kind, article: p.article, text: p.text, rationale: p.rationale,
                by: actor.id, idempotencyKey: key))
        case let .withdrawContribution(p):
            return done(try await RegulationReviews(store: store, clock: clock).withdraw(p.regulationId, contributionId: p.contributionId, by: actor.id))
        case let .endorse(p):
            return done(try await RegulationReviews(store: store, clock: clock).endorse(p.regulationId, proposalId: p.proposalId, by: actor.id))
        case let .answerProposal(p):
            return done(try await regulations.handle(
                .answer(proposalId: p.proposalId, verdict: p.verdict, reason: p.reason), on: Regulation.stream(p.regulationId), by: actor, idempotencyKey: key))
        case let .finaliseReview(p):
            return done(try await regulations.handle(.finalise(nextArticles: p.nextArticles), on: Regulation.stream(p.regulationId), by: actor, idempotencyKey: key))
        case let .draftSubmission(p) where p.submit == true:
            return done(try await submissions(clock).draftAndSubmit(p.submissionId, authors: p.authors, content: p.content, by: actor.id, idempotencyKey: key))
        case let .draftSubmission(p):
            return done(try await submissions(clock).draft(p.submissionId, authors: p.authors, content: p.content, by: actor.id, idempotencyKey: key))
        case let .reviseSubmission(p):
            guard p.submit == nil else { throw .malformedCommand("'submit' goes with submission.draft only; send submission.submit after the revision") }
            return done(try await submissions(clock).revise(p.submissionId, authors: p.authors, content: p.content, by: actor.id))
        case let .submitSubmission(p):
            return done(try await submissions(clock).submit(p.submissionId, by: actor.id, idempotencyKey: key))
        case let .withdrawSubmission(p):
            return done(try await submissions(clock).withdraw(p.submissionId, by: actor.id))
        case let .adoptPolicy(p):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let source: Data
            do { source = try encoder.encode(p.policy) } catch { throw .malformedCommand(String(describing: error)) }
            return done(try await IncentivePolicies(store: store, clock: clock).adopt(source, by: actor))
        case let .screenSubmission(p):
            let decision = SubmissionScreened(decision: p.decision, ground: p.ground, duplicateOf: p.duplicateOf, reason: p.reason)
            return done(try await submissions(clock).screen(p.submissionId, decision: decision, by: actor.id))
        case let .openFestival(call):
            return done(try await festivals(clock).open(call, by: actor, idempotencyKey: key))
        case let .closeFestivalCall(p):
            return done(try await festivals(clock).closeCall(p.festivalId, by: actor))
        case let .nominateEntry(p):
            let programme = p.title.map { (title: $0, summary: p.summary ?? "") }
            return done(try await festivals(clock).nominate(
                p.festivalId, try candidate(p.submissionId, p.university), category: p.categoryId, programme: programme, by: actor, idempotencyKey: key))
        case let .confirmEntries(p):
            var chosen: [(candidate: Festivals.Candidate, category: String)] = []
            for choice in p.entries { chosen.append((try candidate(choice.submissionId, choice.university), choice.categoryId)) }
            return done(try await festivals(clock).confirm(p.festivalId, entries: chosen, by: actor, idempotencyKey: key))
        case let .withdrawEntry(p):
            return done(try await festivals(clock).withdraw(p.festivalId, entryId: p.entryId, reason: p.reason, by: actor))
        case let .appointJuror(p):
            return done(try await festivals(clock).appointJuror(p.festivalId, jurorId: try participantId(p.jurorId, nationalCode: p.nationalCode), section: p.sectionId, university: p.university, by: actor))
        case let .declareConflict(p):
            return done(try await festivals(clock).declareConflict(p.festivalId, entryId: p.entryId, reason: p.reason, by: actor))
        case let .assignJurors(p):
            return done(try await festivals(clock).assignJurors(p.festivalId, by: actor))
        case let .scoreEntry(p):
            let festivals = festivals(clock)
            let entryId: String
            if let id = p.entryId {
                entryId = id
            } else if let number = p.entryNumber {
                entryId = try festivals.entry(numbered: number, in: p.festivalId)
            } else {
                throw .required(field: "entryNumber")
            }
            return done(try await festivals.score(p.festivalId, entryId: entryId, scores: p.scores, by: actor, idempotencyKey: key))
        case let .announceWinners(p):
            return done(try await festivals(clock).announce(p.festivalId, by: actor, idempotencyKey: key))
        case let .allocateBudget(p):
            return done(try await awards(clock).allocate(
                university: p.university, year: p.academicYear, lineId: p.lineId, title: p.title, rials: p.rials.value, by: actor, idempotencyKey: key))
        case let .issueAward(p):
            guard p.recipient != nil || p.nationalCode != nil else { throw .required(field: "recipient") }
            let request = Awards.Request(
                recipient: try participantId(p.recipient, nationalCode: p.nationalCode), kind: p.kind, academicYear: p.academicYear, university: p.university,
                rials: p.rials?.value, budgetLine: p.budgetLine, promotionPoints: p.promotionPoints, festivalId: p.festivalId, entryId: p.entryId)
            let (outcome, awardId) = try await awards(clock).issue(request, by: actor, idempotencyKey: key)
            var result = done(outcome)
            result.awardId = awardId
            return result
        case let .approveAward(p):
            return done(try await awards(clock).approve(p.awardId, by: actor))
        case let .revokeAward(p):
            return done(try await awards(clock).revoke(p.awardId, reason: p.reason, by: actor))
        }
    }

    /// The actor a reference names: by id, or a registered participant by national code (whose
    /// role then comes from their registration).
    private func resolve(_ reference: CommandRequest.ActorReference) throws(DomainError) -> Actor {
        let id = try participantId(reference.id, nationalCode: reference.nationalCode)
        if let role = reference.role { return Actor(id: id, role: role) }
        return try ParticipantDirectory(store: store).member(id).actor
    }

    private func participantId(_ id: String?, nationalCode: String?) throws(DomainError) -> String {
        if let id { return id }
        guard let nationalCode else { throw .required(field: "participantId") }
        return try ParticipantRegistry(store: store).participantId(for: NationalCode(nationalCode))
    }

    /// The position of a participant's registration (or of their latest event).
    private func participantResult(_ id: String, last: Bool) throws(DomainError) -> Result {
        let events: [RecordedEvent]
        do { events = try store.readStream(Participant.stream(id)) } catch { throw .store(error) }
        let event = last ? events.last : events.first
        return Result(positions: event.map { $0.position...$0.position }, participantId: id)
    }

    private func awards(_ clock: any Clock) -> Awards {
        Awards(store: store, clock: clock, readSide: awardReadSide)
    }

    private func festivals(_ clock: any Clock) -> Festivals {
        Festivals(store: store, clock: clock, readSide: festivalReadSide)
    }

    /// The submission or the university a festival payload names: exactly one of them.
    private func candidate(_ submissionId: String?, _ university: String?) throws(DomainError) -> Festivals.Candidate {
        switch (submissionId, university) {
        case let (id?, nil): .submission(id)
        case let (nil, code?): .university(code)
        default: throw .malformedCommand("name either a 'submissionId' or a 'university'")
        }
    }

    private func submissions(_ clock: any Clock) -> Submissions {
        Submissions(store: store, clock: clock, catalogue: catalogue)
    }
}

/// A handler's outcome, whatever its decider.
protocol OutcomeCarrying {
    var recorded: AppendResult? { get }
}

extension CommandHandler.Outcome: OutcomeCarrying {
    var recorded: AppendResult? { result }
}
