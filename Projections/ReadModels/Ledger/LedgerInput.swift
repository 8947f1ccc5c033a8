import EventStore
import HadafEvents

/// What one event means to the ledger, read out of its payload: the part of folding that needs
/// no state, so that it can run on another thread ahead of the fold (``LedgerReplay``).
///
/// Decoding the payloads and the envelopes they come in is a third of the ledger's work; a
/// value of this type carries only the ids, keys and rules that scoring needs.
struct LedgerInput: Sendable {
    /// A fact to record and score for a participant.
    struct Earning: Sendable {
        /// What the fact is about within its rule's family (``LedgerRule/factKey(about:)``).
        let subject: String
        let participant: String
        let rule: LedgerRule
        var share: Double = 1
    }

    /// The ledger's reading of the event.
    enum Change: Sendable {
        case registered(ParticipantRegistered)
        case erased(participant: String)
        case policyAdopted(PolicyAdopted)
        case earned(Earning)
        /// A festival's winners: one fact for each recipient and each winning university's deputy.
        /// Only the festival's first announcement pays (the commands announce once).
        case festivalAnnounced(festival: String, [Earning])
        /// A regulation contribution: its author is recorded under `key`, then the fact scored.
        case contributed(key: String, Earning)
        case contributionWithdrawn(key: String)
        case proposalAnswered(key: String, verdict: ProposalVerdict)
        case proposalEndorsed(key: String, endorser: String)
        case submissionCredited(submission: String, kind: LedgerBook.SubmissionCredit.Kind, authors: [LedgerBook.Author])
        case submitted(submission: String)
        case screened(submission: String, decision: SubmissionScreened.Decision)
        case submissionWithdrawn(submission: String)
    }

    let position: Int64
    /// When the act occurred, else when it was recorded: what its academic year is found by.
    let milliseconds: Int64
    let change: Change

    /// The ledger's reading of `event`; nil when the event changes nothing in the ledger (a type
    /// it does not fold, a survey answer revised, a contribution revised).
    init?(_ event: RecordedEvent) throws {
        guard let change = try Self.change(of: event) else { return nil }
        position = event.position
        milliseconds = event.actedAtMilliseconds
        self.change = change
    }

    private static func change(of event: RecordedEvent) throws -> Change? {
        func stream(_ prefix: String) -> String { String(event.stream.dropFirst(prefix.count)) }
        switch event.type {
        case ParticipantRegistered.eventType:
            return try event.decode(as: ParticipantRegistered.self).map(Change.registered)
        case ParticipantErased.eventType:
            return .erased(participant: ParticipantEvent.participant(ofStream: event.stream) ?? event.stream)
        case PolicyAdopted.eventType:
            return try event.decode(as: PolicyAdopted.self).map(Change.policyAdopted)
        case SurveyAnswered.eventType:
            guard let answered = try SurveyAnswered.respondent(of: event), !answered.isRevision else { return nil }
            return .earned(Earning(subject: stream("survey-"), participant: answered.respondent, rule: .surveyAnswered))
        case SurveyParticipationCredited.eventType:
            guard let credited = try event.decode(as: SurveyParticipationCredited.self) else { return nil }
            return .earned(Earning(subject: credited.surveyId, participant: credited.participantId, rule: .surveyAnswered))
        case ArticleContributed.eventType:
            guard let contributed = try event.decode(as: ArticleContributed.self), !contributed.isRevision else { return nil }
            let key = "\(stream("regulation-"))/\(contributed.contributionId)"
            let rule: LedgerRule = contributed.kind == .comment ? .regulationComment : .amendmentProposed
            return .contributed(key: key, Earning(subject: key, participant: contributed.author, rule: rule))
        case ContributionWithdrawn.eventType:
            guard let withdrawn = try event.decode(as: ContributionWithdrawn.self) else { return nil }
            return .contributionWithdrawn(key: "\(stream("regulation-"))/\(withdrawn.contributionId)")
        case ProposalAnswered.eventType:
            guard let answered = try event.decode(as: ProposalAnswered.self) else { return nil }
            return .proposalAnswered(key: "\(stream("regulation-"))/\(answered.proposalId)", verdict: answered.verdict)
        case ProposalEndorsed.eventType:
            guard let endorsed = try event.decode(as: ProposalEndorsed.self) else { return nil }
            return .proposalEndorsed(key: "\(stream("regulation-"))/\(endorsed.proposalId)", endorser: endorsed.endorser)
        case SubmissionDrafted.eventType, SubmissionRevised.eventType:
            guard let authorship = try SubmissionAuthorship.of(event) else { return nil }
            return credited(stream("submission-"), authorship)
        case SubmissionSubmitted.eventType:
            return .submitted(submission: stream("submission-"))
        case SubmissionScreened.eventType:
            guard let screened = try event.decode(as: SubmissionScreened.self) else { return nil }
            return .screened(submission: stream("submission-"), decision: screened.decision)
        case SubmissionWithdrawn.eventType:
            return .submissionWithdrawn(submission: stream("submission-"))
        case FestivalWinnersAnnounced.eventType:
            guard let announced = try event.decode(as: FestivalWinnersAnnounced.self) else { return nil }
            let festival = stream("festival-")
            var earnings: [Earning] = []
            for prize in announced.prizes {
                for recipient in prize.recipients {
                    let id = "\(recipient.kind == .studentGroup ? "group:" : "")\(recipient.id)"
                    earnings.append(Earning(subject: "\(festival):\(prize.entryId)", participant: id, rule: .festivalWinner, share: Double(recipient.share) / 100))
                }
                if let university = prize.university {
                    earnings.append(Earning(subject: "\(festival):\(prize.entryId)", participant: "deputy:\(university)", rule: .festivalWinner))
                }
            }
            return .festivalAnnounced(festival: festival, earnings)
        default:
            return nil
        }
    }

    private static func credited(_ submission: String, _ authorship: SubmissionAuthorship) -> Change {
        .submissionCredited(
            submission: submission, kind: authorship.isIdea ? .idea : .experience,
            authors: authorship.authors.map { LedgerBook.Author(id: "\($0.kind == .studentGroup ? "group:" : "")\($0.id)", share: Double($0.share)) })
    }
}
