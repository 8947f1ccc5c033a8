import EventStore
import HadafEvents

/// Whether a festival's announced list is the list its events give: computed again from the
/// events before the announcement (was the list right when announced?) and from all of them
/// (has anything it was computed from changed since?).
public struct FestivalVerification: Sendable, Hashable, Encodable {
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Nothing is announced yet.
        case notAnnounced = "not_announced"
        /// The announced list is the list computed again, and its inputs are unchanged.
        case confirmed
        /// The announced list differs from the list its own inputs give.
        case listDiffers = "list_differs"
        /// The list was right when announced, but entries or scores changed afterwards.
        case inputsChanged = "inputs_changed"
    }

    public let verdict: Verdict
    /// Where the announcement is in the log.
    public let announcedAt: Int64?
    public let announced: FestivalSelection?
    /// The selection computed again from the events before the announcement.
    public let recomputed: FestivalSelection?
    /// The hash of the festival's inputs now.
    public let currentInputsHash: String
    /// The entries whose outcome or rank differs between the announced and the recomputed list,
    /// or between the list at the announcement and now.
    public let differingEntries: [String]

    /// Verifies the announcement of `festivalId` against its log: the first that does not hold,
    /// else the first (the one the commands made).
    public static func verify(_ festivalId: String, in store: EventStore) throws(ProjectionError) -> FestivalVerification {
        let events = try read(festivalId, from: store)
        let every = try verifyEach(festivalId, events: events)
        if let found = every.first(where: { $0.verdict != .confirmed }) ?? every.first { return found }
        return FestivalVerification(
            verdict: .notAnnounced, announcedAt: nil, announced: nil, recomputed: nil,
            currentInputsHash: try FestivalInputs.fold(events, of: festivalId).hash, differingEntries: [])
    }

    /// Verifies every announcement of `festivalId`, in log order: the commands announce once,
    /// and one appended around them must not hide behind a later one that holds.
    public static func verifyEach(_ festivalId: String, in store: EventStore) throws(ProjectionError) -> [FestivalVerification] {
        try verifyEach(festivalId, events: read(festivalId, from: store))
    }

    /// ``verifyEach(_:in:)`` over the festival's events already read: the stream is read once,
    /// and folded now and before each announcement.
    static func verifyEach(_ festivalId: String, events: [RecordedEvent]) throws(ProjectionError) -> [FestivalVerification] {
        let now = try FestivalInputs.fold(events, of: festivalId)
        var verified: [FestivalVerification] = []
        for announcement in now.announcements {
            let before = try FestivalInputs.fold(events, of: festivalId, before: announcement.position)
            verified.append(verify(announcement, before: before, now: now))
        }
        return verified
    }

    private static func read(_ festivalId: String, from store: EventStore) throws(ProjectionError) -> [RecordedEvent] {
        do { return try store.readStream("festival-\(festivalId)") } catch { throw .log(error) }
    }

    private static func verify(
        _ announcement: (event: FestivalWinnersAnnounced, position: Int64), before: FestivalInputs, now: FestivalInputs
    ) -> FestivalVerification {
        let announced = announcement.event.selection
        let recomputed = FestivalSelector.select(before)
        let verdict: Verdict
        var differing: [String]
        // The prizes too: each winner's, to its authors by their shares, as the decider gives
        // them. A forged announcement with the right list could pay someone else.
        let prizes = try? recomputed.prizes(festival: before.festival!, entries: before.entries, withdrawn: before.withdrawn).get()
        if recomputed != announced {
            verdict = .listDiffers
            differing = differences(announced, recomputed)
        } else if prizes != announcement.event.prizes {
            verdict = .listDiffers
            let given = Dictionary(announcement.event.prizes.map { ($0.entryId, $0) }, uniquingKeysWith: { first, _ in first })
            let due = Dictionary((prizes ?? []).map { ($0.entryId, $0) }, uniquingKeysWith: { first, _ in first })
            differing = Set(given.keys).union(due.keys).filter { given[$0] != due[$0] }.sorted()
        } else if now.hash != announced.inputsHash {
            verdict = .inputsChanged
            differing = differences(announced, FestivalSelector.select(now))
        } else {
            verdict = .confirmed
            differing = []
        }
        differing.sort()
        return FestivalVerification(
            verdict: verdict, announcedAt: announcement.position, announced: announced, recomputed: recomputed,
            currentInputsHash: now.hash, differingEntries: differing)
    }

    private static func differences(_ a: FestivalSelection, _ b: FestivalSelection) -> [String] {
        func places(_ selection: FestivalSelection) -> [String: FestivalPlacing] {
            Dictionary(selection.categories.flatMap(\.placings).map { ($0.entryId, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let (left, right) = (places(a), places(b))
        return Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
    }
}
