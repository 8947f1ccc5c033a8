import Foundation
import HadafEvents

/// The annual festival (جشنواره سالانه): the call, its entries, juries, scores and the
/// announcement of winners. Stream: `festival-<id>`.
///
/// The decider enforces who may act and the conflict-of-interest rules; the services compute
/// what needs the rest of the log (an entry from its submission, a balanced assignment, the
/// selection) and hand it over in the command.
public enum Festival: Decider {
    public enum Command: Sendable {
        case open(FestivalOpened)
        case closeCall
        case nominate(FestivalEntry, nominator: ParticipantDirectory.Member)
        case confirm([FestivalEntry])
        case withdraw(entryId: String, reason: String)
        case appointJuror(jurorId: String, sectionId: String, university: String?)
        case declareConflict(entryId: String, reason: String)
        case assignJurors(FestivalJurorsAssigned)
        case score(entryId: String, scores: [CriterionScore])
        case announce(FestivalSelection)
    }

    public struct State: Sendable {
        public var opened: FestivalOpened?
        public var callClosed = false
        public var nominated: [String: FestivalEntry] = [:]
        public var entries: [String: FestivalEntry] = [:]
        public var withdrawn: Set<String> = []
        /// Who sits on which section, from which universities, with what conflicts and assignments.
        public var jury = FestivalJury()
        public var announced = false

        /// The sections each juror sits on.
        public var jurorSections: [String: Set<String>] { jury.sections }
        public var declaredConflicts: Set<JurorAssignment> { jury.conflicts }
        public var assignments: Set<JurorAssignment> { jury.assignments }

        /// Whether `juror` may score `entry` (``FestivalJury/mayJudge(_:_:section:)``).
        public func mayJudge(_ juror: String, _ entry: FestivalEntry) -> Bool {
            jury.mayJudge(juror, entry, section: opened?.category(entry.categoryId)?.section.id)
        }

        /// The entries still in the festival.
        public var activeEntries: [FestivalEntry] {
            entries.values.filter { !withdrawn.contains($0.entryId) }.sorted { $0.entryId < $1.entryId }
        }
    }

    public typealias Event = FestivalEvent

    public static var initialState: State { State() }

    public static func stream(_ festivalId: String) -> String { "festival-\(festivalId)" }

    static let officers: Set<Actor.Role> = [.ministryOfficer, .system]

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        let actor = context.actor
        if case let .open(call) = command {
            try officer(actor, "open a festival")
            guard state.opened == nil else {
                if state.opened == call { return [] }
                throw .festivalIdTaken(call.festivalId)
            }
            let problems = FestivalCallCheck.problems(of: call)
            guard problems.isEmpty else { throw .festivalCallInvalid(problems) }
            return [.opened(call)]
        }
        guard let festival = state.opened else { throw .festivalNotFound }
        switch command {
        case .open:
            return []  // Decided above, before the festival exists.

        case .closeCall:
            try officer(actor, "close a festival's call")
            return state.callClosed ? [] : [.callClosed(FestivalCallClosed())]

        case let .nominate(entry, nominator):
            switch nominator.actor.role {
            case .ministryOfficer, .system: break
            case .universityDeputyOfficer:
                guard nominator.university == entry.university else { throw .forbidden(role: actor.role, action: "nominate another university's submissions") }
            default: throw .forbidden(role: nominator.actor.role, action: "nominate festival entries")
            }
            guard !state.callClosed, context.now < festival.closesAt else { throw .festivalCallClosed }
            guard festival.category(entry.categoryId) != nil else { throw .festivalCategoryNotFound(entry.categoryId) }
            if state.nominated[entry.entryId] == entry { return [] }
            return [.nominated(FestivalEntryNominated(entry: entry))]

        case let .confirm(entries):
            try officer(actor, "confirm festival entries")
            try closedAndOpenToChange(state)
            var admitted: [FestivalEntry] = []
            for entry in entries {
                guard festival.category(entry.categoryId) != nil else { throw .festivalCategoryNotFound(entry.categoryId) }
                if let existing = state.entries[entry.entryId] ?? admitted.first(where: { $0.entryId == entry.entryId }) {
                    guard existing.categoryId == entry.categoryId else { throw .festivalEntryElsewhere(entry.entryId, category: existing.categoryId) }
                    continue
                }
                admitted.append(entry)
            }
            return admitted.isEmpty ? [] : [.confirmed(FestivalEntriesConfirmed(entries: admitted))]

        case let .withdraw(entryId, reason):
            guard let entry = state.entries[entryId] else { throw .festivalEntryNotFound(entryId) }
            guard officers.contains(actor.role) || actor.id == entry.submitter else { throw .forbidden(role: actor.role, action: "withdraw another's festival entry") }
            try Validate.text(reason, field: "reason")
            return state.withdrawn.contains(entryId) ? [] : [.withdrawn(FestivalEntryWithdrawn(entryId: entryId, reason: reason))]

        case let .appointJuror(jurorId, sectionId, university):
            try officer(actor, "appoint jurors")
            guard festival.sections.contains(where: { $0.id == sectionId }) else { throw .festivalSectionNotFound(sectionId) }
            // A juror's university is part of every appointment; another one is refused, never
            // a silent change of whose entries they may judge.
            if let university, let known = state.jury.universities[jurorId], !known.contains(university) {
                throw .festivalJurorUniversityDiffers(juror: jurorId, known: known.sorted())
            }
            guard state.jurorSections[jurorId]?.contains(sectionId) != true else { return [] }
            return [.jurorAppointed(FestivalJurorAppointed(jurorId: jurorId, sectionId: sectionId, university: university))]

        case let .declareConflict(entryId, reason):
            guard let entry = state.entries[entryId] else { throw .festivalEntryNotFound(entryId) }
            guard let section = festival.category(entry.categoryId)?.section.id, state.jurorSections[actor.id]?.contains(section) == true else { throw .festivalNotAJuror }
            try Validate.text(reason, field: "reason")
            let pair = JurorAssignment(entryId: entryId, jurorId: actor.id)
            return state.declaredConflicts.contains(pair) ? [] : [.conflictDeclared(FestivalConflictDeclared(jurorId: actor.id, entryId: entryId, reason: reason))]

        case let .assignJurors(assigned):
            try officer(actor, "assign jurors")
            try closedAndOpenToChange(state)
            for pair in assigned.assignments {
                guard let entry = state.entries[pair.entryId] else { throw .festivalEntryNotFound(pair.entryId) }
                guard state.mayJudge(pair.jurorId, entry) else { throw .festivalConflict(juror: pair.jurorId, entry: pair.entryId) }
            }
            let added = assigned.assignments.filter { !state.assignments.contains($0) }
            guard !added.isEmpty || !assigned.understaffed.isEmpty else { return [] }
            return [.jurorsAssigned(FestivalJurorsAssigned(assignments: added, understaffed: assigned.understaffed))]

        case let .score(entryId, scores):
            guard let entry = state.entries[entryId] else { throw .festivalEntryNotFound(entryId) }
            guard !state.announced else { throw .festivalAnnounced }
            guard !state.withdrawn.contains(entryId) else { throw .festivalEntryWithdrawn(entryId) }
            guard state.assignments.contains(JurorAssignment(entryId: entryId, jurorId: actor.id)) else { throw .festivalNotAssigned }
            guard state.mayJudge(actor.id, entry) else { throw .festivalConflict(juror: actor.id, entry: entryId) }
            try FestivalCallCheck.scores(scores, rubric: festival.category(entry.categoryId)!.category.rubric)
            return [.scored(FestivalEntryScored(entryId: entryId, jurorId: actor.id, scores: scores.sorted { $0.criterion < $1.criterion }))]

        case let .announce(selection):
            try officer(actor, "announce festival winners")
            try closedAndOpenToChange(state)
            return [.announced(FestivalWinnersAnnounced(selection: selection, prizes: try prizes(of: selection, festival: festival, state: state)))]
        }
    }

    private static func officer(_ actor: Actor, _ action: String) throws(DomainError) {
        guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: action) }
    }

    private static func closedAndOpenToChange(_ state: State) throws(DomainError) {
        guard state.callClosed else { throw .festivalCallOpen }
        guard !state.announced else { throw .festivalAnnounced }
    }

    /// The prizes of a selection's winners, after checking that it selects only active entries
    /// of each category, no more than the category's winners.
    private static func prizes(of selection: FestivalSelection, festival: FestivalOpened, state: State) throws(DomainError) -> [FestivalPrizeAwarded] {
        switch selection.prizes(festival: festival, entries: state.entries, withdrawn: state.withdrawn) {
        case let .success(prizes):
            return prizes
        case let .failure(.categoryNotFound(category)):
            throw .festivalCategoryNotFound(category)
        case let .failure(.tooManyWinners(category, winners, places)):
            throw .festivalSelectionInvalid("'\(category)' has \(winners) winners for \(places) places", persian: "رشته «\(category)» بیش از ظرفیت برگزیده دارد")
        case let .failure(.notAnEntry(entry, category)):
            throw .festivalSelectionInvalid("'\(entry)' is not an entry of '\(category)'", persian: "«\(entry)» اثر رشته «\(category)» نیست")
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .opened(event): state.opened = event
        case .callClosed: state.callClosed = true
        case let .nominated(event): state.nominated[event.entry.entryId] = event.entry
        case let .confirmed(event):
            for entry in event.entries { state.entries[entry.entryId] = entry }
        case let .withdrawn(event): state.withdrawn.insert(event.entryId)
        case .jurorAppointed, .conflictDeclared, .jurorsAssigned: state.jury.apply(event)
        case .scored: break
        case .announced: state.announced = true
        }
        return state
    }
}
