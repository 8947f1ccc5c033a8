import EventStore
import Foundation

/// An officer opened a festival's call. Stream: `festival-<id>`.
public struct FestivalOpened: DomainEvent {
    public static let eventType = "festival.opened"
    public let festivalId: String
    /// The Jalali academic year it recognises, e.g. 1404.
    public let year: Int
    /// Which festival of the series it is (the third HADAF festival), when numbered.
    public let edition: Int?
    public let title: String
    /// When the call closes: nominations stop, and entries may be confirmed.
    public let closesAt: Date
    public let sections: [FestivalSection]

    public init(festivalId: String, year: Int, edition: Int?, title: String, closesAt: Date, sections: [FestivalSection]) {
        self.festivalId = festivalId
        self.year = year
        self.edition = edition
        self.title = title
        self.closesAt = closesAt
        self.sections = sections
    }

    /// The category with this id, in any section, with its section.
    public func category(_ id: String) -> (section: FestivalSection, category: FestivalCategory)? {
        for section in sections {
            if let category = section.categories.first(where: { $0.id == id }) { return (section, category) }
        }
        return nil
    }
}

/// The call closed: no more nominations; entries may be confirmed.
public struct FestivalCallClosed: DomainEvent {
    public static let eventType = "festival.call_closed"
    public init() {}
}

/// A university deputy officer nominated a submission of their university; an officer confirms
/// it with the proposed ones.
public struct FestivalEntryNominated: DomainEvent {
    public static let eventType = "festival.entry_nominated"
    public let entry: FestivalEntry

    public init(entry: FestivalEntry) {
        self.entry = entry
    }
}

/// An officer admitted entries (proposed or nominated) to the festival.
public struct FestivalEntriesConfirmed: DomainEvent {
    public static let eventType = "festival.entries_confirmed"
    public let entries: [FestivalEntry]

    public init(entries: [FestivalEntry]) {
        self.entries = entries
    }
}

/// An entry left the festival: withdrawn by its submitter or excluded by an officer. Its scores
/// stay in the log but it is not ranked.
public struct FestivalEntryWithdrawn: DomainEvent {
    public static let eventType = "festival.entry_withdrawn"
    public let entryId: String
    public let reason: String

    public init(entryId: String, reason: String) {
        self.entryId = entryId
        self.reason = reason
    }
}

/// A juror was appointed to a section's jury, with the university they belong to (a juror never
/// scores an entry of it).
public struct FestivalJurorAppointed: DomainEvent {
    public static let eventType = "festival.juror_appointed"
    public let jurorId: String
    public let sectionId: String
    public let university: String?

    public init(jurorId: String, sectionId: String, university: String?) {
        self.jurorId = jurorId
        self.sectionId = sectionId
        self.university = university
    }
}

/// A juror declared a conflict of interest with an entry: they are never assigned to it, and
/// an assignment they had is dropped.
public struct FestivalConflictDeclared: DomainEvent {
    public static let eventType = "festival.conflict_declared"
    public let jurorId: String
    public let entryId: String
    public let reason: String

    public init(jurorId: String, entryId: String, reason: String) {
        self.jurorId = jurorId
        self.entryId = entryId
        self.reason = reason
    }
}

/// Jurors were set to entries (added to earlier assignments), and the entries that could not get
/// enough jurors without a conflict.
public struct FestivalJurorsAssigned: DomainEvent {
    public static let eventType = "festival.jurors_assigned"
    public let assignments: [JurorAssignment]
    /// Entries with fewer eligible jurors than their category's minimum of scores.
    public let understaffed: [String]

    public init(assignments: [JurorAssignment], understaffed: [String]) {
        self.assignments = assignments
        self.understaffed = understaffed
    }
}

/// A juror scored an entry on every criterion of its rubric; a later score by the same juror
/// replaces this one.
public struct FestivalEntryScored: DomainEvent {
    public static let eventType = "festival.entry_scored"
    public let entryId: String
    public let jurorId: String
    public let scores: [CriterionScore]

    public init(entryId: String, jurorId: String, scores: [CriterionScore]) {
        self.entryId = entryId
        self.jurorId = jurorId
        self.scores = scores
    }
}

/// A prize going to a winner's authors, by their shares, or to a university's deputy.
public struct FestivalPrizeAwarded: Codable, Hashable, Sendable {
    public let entryId: String
    public let categoryId: String
    public let recipients: [SubmissionAuthor]
    /// For a university deputy's programme: the university whose deputy wins (no recipients).
    public let university: String?
    public let prize: FestivalPrize

    public init(entryId: String, categoryId: String, recipients: [SubmissionAuthor], university: String? = nil, prize: FestivalPrize) {
        self.entryId = entryId
        self.categoryId = categoryId
        self.recipients = recipients
        self.university = university
        self.prize = prize
    }
}

/// An officer announced the winners: the selection as computed, frozen with the hash of its
/// inputs, and the prizes it gives. Scores are refused after it.
public struct FestivalWinnersAnnounced: DomainEvent {
    public static let eventType = "festival.winners_announced"
    public let selection: FestivalSelection
    public let prizes: [FestivalPrizeAwarded]

    public init(selection: FestivalSelection, prizes: [FestivalPrizeAwarded]) {
        self.selection = selection
        self.prizes = prizes
    }
}

/// The events of a festival's stream.
public enum FestivalEvent: EventFamily {
    case opened(FestivalOpened)
    case callClosed(FestivalCallClosed)
    case nominated(FestivalEntryNominated)
    case confirmed(FestivalEntriesConfirmed)
    case withdrawn(FestivalEntryWithdrawn)
    case jurorAppointed(FestivalJurorAppointed)
    case conflictDeclared(FestivalConflictDeclared)
    case jurorsAssigned(FestivalJurorsAssigned)
    case scored(FestivalEntryScored)
    case announced(FestivalWinnersAnnounced)

    public var event: any DomainEvent {
        switch self {
        case let .opened(event): event
        case let .callClosed(event): event
        case let .nominated(event): event
        case let .confirmed(event): event
        case let .withdrawn(event): event
        case let .jurorAppointed(event): event
        case let .conflictDeclared(event): event
        case let .jurorsAssigned(event): event
        case let .scored(event): event
        case let .announced(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        let event: Self? = switch recorded.type {
        case FestivalEntryScored.eventType: try recorded.decode(as: FestivalEntryScored.self, Self.scored)
        case FestivalOpened.eventType: try recorded.decode(as: FestivalOpened.self, Self.opened)
        case FestivalCallClosed.eventType: try recorded.decode(as: FestivalCallClosed.self, Self.callClosed)
        case FestivalEntryNominated.eventType: try recorded.decode(as: FestivalEntryNominated.self, Self.nominated)
        case FestivalEntriesConfirmed.eventType: try recorded.decode(as: FestivalEntriesConfirmed.self, Self.confirmed)
        case FestivalEntryWithdrawn.eventType: try recorded.decode(as: FestivalEntryWithdrawn.self, Self.withdrawn)
        case FestivalJurorAppointed.eventType: try recorded.decode(as: FestivalJurorAppointed.self, Self.jurorAppointed)
        case FestivalConflictDeclared.eventType: try recorded.decode(as: FestivalConflictDeclared.self, Self.conflictDeclared)
        case FestivalJurorsAssigned.eventType: try recorded.decode(as: FestivalJurorsAssigned.self, Self.jurorsAssigned)
        case FestivalWinnersAnnounced.eventType: try recorded.decode(as: FestivalWinnersAnnounced.self, Self.announced)
        default: nil
        }
        guard let event else { return nil }
        self = event
    }
}

extension FestivalWinnersAnnounced {
    public func checkBounds() throws(BoundsError) {
        let check = BoundsCheck(Self.eventType)
        for prize in prizes { try check.rials(prize.prize.rials, "prizes.prize.rials") }
    }
}

extension FestivalOpened {
    public func checkBounds() throws(BoundsError) {
        let check = BoundsCheck(Self.eventType)
        try check.year(year, "year")
        for section in sections {
            for category in section.categories {
                try check.rials(category.prize.rials, "prize.rials")
                try check.nonNegative(category.minimumPoints, "minimumPoints")
            }
        }
    }
}
