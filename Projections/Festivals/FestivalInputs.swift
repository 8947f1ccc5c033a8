import Crypto
import EventStore
import Foundation
import HadafEvents

/// What a festival's selection is computed from, folded from its stream alone: the call, the
/// entries and withdrawals, and each juror's latest scores. A score counts only as the commands
/// would have taken it (``FestivalJury``): for a confirmed entry, by a juror assigned to it and
/// still free to judge it (on its section's jury, from none of their appointments' universities,
/// not its author, no conflict declared), within the category's rubric. Any other score in the
/// log, appended around the commands, is kept aside in ``uncounted`` for the audit. It does not
/// read any read model, so the auditor's recomputation is this same fold over the log.
public struct FestivalInputs: Sendable {
    public private(set) var festival: FestivalOpened?
    public private(set) var entries: [String: FestivalEntry] = [:]
    public private(set) var withdrawn: Set<String> = []
    /// Scores by entry, then by juror: the latest each juror gave.
    public private(set) var scores: [String: [String: [CriterionScore]]] = [:]
    /// The jury as the stream makes it.
    public private(set) var jury = FestivalJury()
    /// Scores in the stream that do not count, with why.
    public private(set) var uncounted: [(position: Int64, entryId: String, jurorId: String, reason: String)] = []
    /// The nominations, by entry id (not an input of the selection: a nomination becomes an
    /// entry only when confirmed).
    public private(set) var nominations: [String: FestivalEntry] = [:]
    /// Every announcement in the stream, with the log position it was made at. The commands
    /// announce once; any other was appended around them, and each is verified.
    public private(set) var announcements: [(event: FestivalWinnersAnnounced, position: Int64)] = []
    /// The announcement: the first, the only one the commands make.
    public var announcement: (event: FestivalWinnersAnnounced, position: Int64)? { announcements.first }
    /// The festival's events this version could not read, skipped (the audit reports them).
    public private(set) var unreadable: [UnreadableEvent] = []

    public init() {}

    /// Folds one event of the festival's stream.
    public mutating func apply(_ event: FestivalEvent, at position: Int64) {
        switch event {
        case let .opened(opened): festival = opened
        case let .confirmed(confirmed):
            for entry in confirmed.entries { entries[entry.entryId] = entry }
        case let .withdrawn(withdrawal): withdrawn.insert(withdrawal.entryId)
        case let .conflictDeclared(declared):
            jury.apply(event)
            scores[declared.entryId]?[declared.jurorId] = nil
        case let .scored(scored):
            func uncount(_ reason: String) { uncounted.append((position, scored.entryId, scored.jurorId, reason)) }
            guard let entry = entries[scored.entryId], let placed = festival?.category(entry.categoryId) else { return uncount("it is for no confirmed entry") }
            guard jury.mayScore(scored.jurorId, entry, section: placed.section.id) else {
                return uncount("its juror was not assigned to the entry, or may not judge it (section, university, authorship or a declared conflict)")
            }
            guard placed.category.rubric.fault(of: scored.scores) == nil else { return uncount("it does not fit the category's rubric") }
            scores[scored.entryId, default: [:]][scored.jurorId] = scored.scores
        case let .announced(announced): announcements.append((announced, position))
        case let .nominated(nominated): nominations[nominated.entry.entryId] = nominated.entry
        case .jurorAppointed, .jurorsAssigned: jury.apply(event)
        case .callClosed: break
        }
    }

    /// The inputs of a festival read from the log, up to (not including) `position` when given.
    public static func read(_ festivalId: String, from store: EventStore, before position: Int64? = nil) throws(ProjectionError) -> FestivalInputs {
        let events: [RecordedEvent]
        do { events = try store.readStream("festival-\(festivalId)") } catch { throw .log(error) }
        return try fold(events, of: festivalId, before: position)
    }

    /// The inputs folded from a festival's events already read, up to (not including)
    /// `position` when given.
    static func fold(_ events: [RecordedEvent], of festivalId: String, before position: Int64? = nil) throws(ProjectionError) -> FestivalInputs {
        var inputs = FestivalInputs()
        for recorded in events {
            if let position, recorded.position >= position { break }
            if let event = FestivalEvent.reading(recorded, skipped: { inputs.unreadable.append($0) }) { inputs.apply(event, at: recorded.position) }
        }
        guard inputs.festival != nil else {
            if let first = inputs.unreadable.first { throw .unreadableEvent(position: first.position, type: first.type) }
            throw .festivalNotFound(festivalId)
        }
        return inputs
    }

    /// SHA-256 (hex) of the inputs in a canonical form: the categories as sorted-key JSON, then
    /// each entry, withdrawal and counted score on a line of its own, sorted, every string
    /// prefixed with its length in bytes so that no id can forge a separator.
    public var hash: String {
        var hasher = SHA256()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        hasher.update(data: (try? encoder.encode(festival?.sections.flatMap(\.categories) ?? [])) ?? Data())
        func field(_ text: String) -> String { "\(text.utf8.count):\(text)" }
        for entry in entries.values.sorted(by: { $0.entryId < $1.entryId }) {
            let authors = entry.authors.map { field($0.kind.rawValue) + field($0.id) + "\($0.share)" }.joined(separator: ",")
            let line = "\nentry " + [entry.entryId, entry.categoryId, entry.university, entry.submitter].map(field).joined(separator: " ")
                + " \(entry.submittedAt) " + authors + (withdrawn.contains(entry.entryId) ? " withdrawn" : "")
            hasher.update(data: Data(line.utf8))
        }
        for entry in scores.keys.sorted() {
            for (juror, given) in scores[entry]!.sorted(by: { $0.key < $1.key }) {
                let line = "\nscore " + field(entry) + " " + field(juror) + " " + given.map { field($0.criterion) + "=\($0.score)" }.joined(separator: ",")
                hasher.update(data: Data(line.utf8))
            }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
