import EventStore
import HadafEvents

/// The festival's acts on behalf of officers, deputies and jurors: what needs the rest of the
/// log (a submission made an entry, a balanced jury assignment) is computed here and decided by
/// ``Festival``.
public struct Festivals: Sendable {
    let festivals: CommandHandler<Festival>
    let directory: ParticipantDirectory
    let entries: SubmissionEntries

    public init(store: EventStore, clock: any Clock = SystemClock()) {
        festivals = CommandHandler(store: store, clock: clock)
        directory = ParticipantDirectory(store: store)
        entries = SubmissionEntries(store: store, directory: directory)
    }

    public typealias Outcome = CommandHandler<Festival>.Outcome

    public func open(_ call: FestivalOpened, by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        try await festivals.handle(.open(call), on: Festival.stream(call.festivalId), by: actor, idempotencyKey: idempotencyKey)
    }

    public func closeCall(_ festivalId: String, by actor: Actor) async throws(DomainError) -> Outcome {
        try await festivals.handle(.closeCall, on: Festival.stream(festivalId), by: actor)
    }

    /// A university deputy officer (or a ministry officer) nominates a submission for a category.
    public func nominate(_ festivalId: String, submissionId: String, category: String, by nominatorId: String, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        let nominator = try directory.member(nominatorId)
        let festival = try opened(festivalId).festival
        let entry = try entries.entry(submissionId, category: category, of: festival, basis: .nominated)
        return try await festivals.handle(.nominate(entry, nominator: nominator), on: Festival.stream(festivalId), by: nominator.actor, idempotencyKey: idempotencyKey)
    }

    /// Admits submissions to categories: each is checked against its category's eligibility
    /// again, and marked nominated when a deputy nominated it for that category.
    public func confirm(_ festivalId: String, entries chosen: [(submissionId: String, category: String)], by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        let (festival, state) = try opened(festivalId)
        var admitted: [FestivalEntry] = []
        for choice in chosen {
            let nominated = state.nominated[choice.submissionId]?.categoryId == choice.category
            admitted.append(try entries.entry(choice.submissionId, category: choice.category, of: festival, basis: nominated ? .nominated : .proposed))
        }
        return try await festivals.handle(.confirm(admitted), on: Festival.stream(festivalId), by: actor, idempotencyKey: idempotencyKey)
    }

    public func withdraw(_ festivalId: String, entryId: String, reason: String, by actor: Actor) async throws(DomainError) -> Outcome {
        try await festivals.handle(.withdraw(entryId: entryId, reason: reason), on: Festival.stream(festivalId), by: actor)
    }

    /// Appoints a juror to a section; their university, when not given, is their registration's.
    public func appointJuror(_ festivalId: String, jurorId: String, section: String, university: String?, by actor: Actor) async throws(DomainError) -> Outcome {
        var university = university
        if university == nil { university = try directory.member(jurorId).university }
        return try await festivals.handle(.appointJuror(jurorId: jurorId, sectionId: section, university: university), on: Festival.stream(festivalId), by: actor)
    }

    public func declareConflict(_ festivalId: String, entryId: String, reason: String, by actor: Actor) async throws(DomainError) -> Outcome {
        try await festivals.handle(.declareConflict(entryId: entryId, reason: reason), on: Festival.stream(festivalId), by: actor)
    }

    /// Tops every active entry up to its category's minimum of jurors (see ``JuryAssignment``).
    public func assignJurors(_ festivalId: String, by actor: Actor) async throws(DomainError) -> Outcome {
        let state = try opened(festivalId).state
        return try await festivals.handle(.assignJurors(JuryAssignment.assign(state)), on: Festival.stream(festivalId), by: actor)
    }

    public func score(_ festivalId: String, entryId: String, scores: [CriterionScore], by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        try await festivals.handle(.score(entryId: entryId, scores: scores), on: Festival.stream(festivalId), by: actor, idempotencyKey: idempotencyKey)
    }

    /// Announces the selection computed by `selector` from the festival's events.
    public func announce(_ festivalId: String, selector: any FestivalSelecting, by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        _ = try opened(festivalId)
        let selection = try selector.selection(of: festivalId)
        return try await festivals.handle(.announce(selection), on: Festival.stream(festivalId), by: actor, idempotencyKey: idempotencyKey)
    }

    /// The festival's call and state, refusing a festival that does not exist.
    public func opened(_ festivalId: String) throws(DomainError) -> (festival: FestivalOpened, state: Festival.State) {
        let state = try festivals.load(Festival.stream(festivalId)).state
        guard let festival = state.opened else { throw .festivalNotFound }
        return (festival, state)
    }
}

/// Computes a festival's selection from its events. The selection rules are the read side's
/// (HadafProjections); whoever runs commands with both at hand (the CLI, the server) hands
/// them to the participation layer through this, so that the layers depend one way.
public protocol FestivalSelecting: Sendable {
    func selection(of festivalId: String) throws(DomainError) -> FestivalSelection
}
