import Crypto
import EventStore
import Foundation
import HadafEvents

/// The festival's acts on behalf of officers, deputies and jurors: what needs the rest of the
/// log (a submission made an entry, a balanced jury assignment) is computed here and decided by
/// ``Festival``.
public struct Festivals: Sendable {
    let festivals: CommandHandler<Festival>
    let directory: ParticipantDirectory
    let entries: FestivalEntries
    let readSide: (any FestivalReadSide)?
    let store: EventStore

    /// - Parameter readSide: computes selections and ledger points; without one, announcing and
    ///   categories with a minimum of points are refused.
    public init(store: EventStore, clock: any Clock = SystemClock(), readSide: (any FestivalReadSide)? = nil) {
        festivals = CommandHandler(store: store, clock: clock)
        directory = ParticipantDirectory(store: store)
        entries = FestivalEntries(store: store, directory: directory, readSide: readSide)
        self.readSide = readSide
        self.store = store
    }

    /// The neutral number each confirmed entry goes by before its jurors: 1, 2, 3, … in the
    /// order of a digest of its id keyed by a secret of the festival's own (kept with the
    /// subjects' keys). Entry ids are chosen by submitters (`idea-maryam-1`) and may name them
    /// or their university; a number says nothing, and without the secret its order cannot be
    /// computed from the ids.
    public func neutralNumbers(_ festivalId: String) throws(DomainError) -> [String: Int] {
        try neutralNumbers(festivalId, state: opened(festivalId).state)
    }

    /// ``neutralNumbers(_:)`` of a festival whose state the caller has loaded already.
    public func neutralNumbers(_ festivalId: String, state: Festival.State) throws(DomainError) -> [String: Int] {
        let secret: SymmetricKey
        do { secret = try store.subjectKey("festival-blind:\(festivalId)") } catch { throw .store(error) }
        let ordered = state.entries.keys.map { ($0, Data(HMAC<SHA256>.authenticationCode(for: Data($0.utf8), using: secret))) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
        return Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.0, $0 + 1) })
    }

    /// The entry that goes by `number` (``neutralNumbers(_:)``).
    public func entry(numbered number: Int, in festivalId: String) throws(DomainError) -> String {
        guard let entry = try neutralNumbers(festivalId).first(where: { $0.value == number })?.key else { throw .festivalEntryNotFound("#\(number)") }
        return entry
    }

    /// What a nomination or a confirmation names: a submission, or a university (its deputy).
    public enum Candidate: Sendable, Hashable {
        case submission(String)
        case university(String)

        /// The id of the entry it makes.
        public var entryId: String {
            switch self {
            case let .submission(id): id
            case let .university(code): "university-\(code)"
            }
        }
    }

    public typealias Outcome = CommandHandler<Festival>.Outcome

    public func open(_ call: FestivalOpened, by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        try await festivals.handle(.open(call), on: Festival.stream(call.festivalId), by: actor, idempotencyKey: idempotencyKey)
    }

    public func closeCall(_ festivalId: String, by actor: Actor) async throws(DomainError) -> Outcome {
        try await festivals.handle(.closeCall, on: Festival.stream(festivalId), by: actor)
    }

    /// A university deputy officer (or a ministry officer) nominates a submission for a category,
    /// or their university for a deputies' category with the programme (`title`, `summary`) it
    /// competes with. A deputy officer's university is their registration's.
    public func nominate(
        _ festivalId: String, _ candidate: Candidate, category: String, programme: (title: String, summary: String)? = nil, by actor: Actor,
        idempotencyKey: String? = nil
    ) async throws(DomainError) -> Outcome {
        let nominator = Festival.officers.contains(actor.role) ? ParticipantDirectory.Member(actor: actor, university: nil) : try directory.member(actor.id)
        let festival = try opened(festivalId).festival
        let entry = switch candidate {
        case let .submission(id): try entries.submission(id, category: category, of: festival, basis: .nominated)
        case let .university(code): try entries.programme(of: code, category: category, of: festival, programme: programme, nominator: actor.id)
        }
        return try await festivals.handle(.nominate(entry, nominator: nominator), on: Festival.stream(festivalId), by: nominator.actor, idempotencyKey: idempotencyKey)
    }

    /// Admits candidates to categories: each is checked against its category's eligibility
    /// again, and marked nominated when a deputy nominated it for that category. A university
    /// enters only as nominated, with its nomination's programme.
    public func confirm(_ festivalId: String, entries chosen: [(candidate: Candidate, category: String)], by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        let (festival, state) = try opened(festivalId)
        var admitted: [FestivalEntry] = []
        for choice in chosen {
            let nomination = state.nominated[choice.candidate.entryId].flatMap { $0.categoryId == choice.category ? $0 : nil }
            switch choice.candidate {
            case let .submission(id):
                admitted.append(try entries.submission(id, category: choice.category, of: festival, basis: nomination == nil ? .proposed : .nominated))
            case let .university(code):
                guard let nomination else { throw .festivalEntryIneligible(choice.candidate.entryId, english: "a university enters only when nominated with its programme", persian: "دانشگاه تنها با نامزدی برنامه‌اش شرکت می‌کند") }
                try entries.checkPoints(.university(code), entryId: nomination.entryId, category: choice.category, of: festival)
                admitted.append(nomination)
            }
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

    /// Announces the selection the read side computes from the festival's events.
    public func announce(_ festivalId: String, by actor: Actor, idempotencyKey: String? = nil) async throws(DomainError) -> Outcome {
        _ = try opened(festivalId)
        guard let readSide else { throw .festivalSelectionUnavailable }
        let selection = try readSide.selection(of: festivalId)
        return try await festivals.handle(.announce(selection), on: Festival.stream(festivalId), by: actor, idempotencyKey: idempotencyKey)
    }

    /// The festival's call and state, refusing a festival that does not exist.
    public func opened(_ festivalId: String) throws(DomainError) -> (festival: FestivalOpened, state: Festival.State) {
        let state = try festivals.load(Festival.stream(festivalId)).state
        guard let festival = state.opened else { throw .festivalNotFound }
        return (festival, state)
    }
}

/// What the festival's acts ask of the read side (HadafProjections): a festival's selection
/// computed from its events, and an entrant's ledger points in a year. Whoever runs commands
/// with both at hand (the CLI, the server) hands it to the participation layer, so that the
/// layers depend one way.
public protocol FestivalReadSide: Sendable {
    func selection(of festivalId: String) throws(DomainError) -> FestivalSelection
    func points(of holder: LedgerHolder, year: Int) throws(DomainError) -> Double
}

/// Who holds ledger points: a participant, a student group, or a university (the sum of its
/// participants').
public enum LedgerHolder: Sendable, Hashable {
    case participant(String)
    case studentGroup(String)
    case university(String)
}
