import EventStore
import HadafEvents

/// The catalogue of submitted ideas and experiences that a new submission is compared with.
///
/// It folds the log's submission events into a ``NearDuplicateIndex`` and catches up from the
/// last position it read, so each check costs the events since the previous one. A submission
/// counts once it has been submitted and until it is withdrawn; drafts never flag anything.
///
/// As it reads every new event anyway, it also folds the participant roster, so that a form
/// submitted in one act finds its submitter and its possible duplicates in one read of the log.
public actor DuplicateCatalogue {
    private let store: EventStore
    private var roster = ParticipantRoster()
    private var index = NearDuplicateIndex<String>()
    private var texts: [String: String] = [:]
    private var submitted: Set<String> = []
    private var nextPosition: Int64 = 1
    /// The fingerprints of texts just checked, by submission id: a form checks its text and then
    /// appends it, so the catch-up that meets the text next finds its fingerprint made.
    private var checked: [String: (text: String, fingerprint: NearDuplicateIndex<String>.Fingerprint)] = [:]
    private static let maximumChecked = 1024
    private static let pageSize = 5000

    static let submissionTypes: Set<String> = [
        SubmissionDrafted.eventType, SubmissionRevised.eventType, SubmissionSubmitted.eventType, SubmissionWithdrawn.eventType,
    ]

    public init(store: EventStore) {
        self.store = store
    }

    /// Submitted submissions near-identical to `content` (similarity 0.8 or more), most similar
    /// first, leaving out `submissionId` itself.
    public func possibleDuplicates(of content: SubmissionContent, excluding submissionId: String) throws(DomainError) -> [PossibleDuplicate] {
        try catchUp()
        return matches(of: content, excluding: submissionId)
    }

    /// The registered participant `participantId` (refused as ``ParticipantDirectory`` refuses)
    /// and the submitted submissions near-identical to `content`, as of one catch-up.
    public func submitterAndDuplicates(
        _ participantId: String, of content: SubmissionContent, excluding submissionId: String
    ) throws(DomainError) -> (submitter: ParticipantDirectory.Member, duplicates: [PossibleDuplicate]) {
        try catchUp()
        return (try roster.member(participantId), matches(of: content, excluding: submissionId))
    }

    private func matches(of content: SubmissionContent, excluding submissionId: String) -> [PossibleDuplicate] {
        let text = content.comparableText
        let fingerprint = NearDuplicateIndex<String>.Fingerprint(of: text)
        // Checks refused before their append are never met again: forget them all now and then.
        if checked.count >= Self.maximumChecked { checked.removeAll(keepingCapacity: true) }
        checked[submissionId] = (text, fingerprint)
        return index.matches(for: fingerprint, excluding: submissionId)
            .filter { submitted.contains($0.id) }
            .map { PossibleDuplicate(submissionId: $0.id, similarity: ($0.similarity * 1000).rounded() / 1000) }
    }

    private func catchUp() throws(DomainError) {
        while true {
            let page: [RecordedEvent]
            do { page = try store.read(from: nextPosition, limit: Self.pageSize) } catch { throw .store(error) }
            guard let last = page.last else { return }
            for recorded in page {
                if ParticipantRoster.types.contains(recorded.type) { try roster.apply(recorded); continue }
                guard Self.submissionTypes.contains(recorded.type) else { continue }
                let id = String(recorded.stream.dropFirst("submission-".count))
                switch SubmissionEvent.reading(recorded) {
                case let .drafted(drafted)?: update(id, drafted.content)
                case let .revised(revised)?: update(id, revised.content)
                case .submitted?: submitted.insert(id)
                case .withdrawn?: submitted.remove(id)
                default: break
                }
            }
            nextPosition = last.position + 1
            if page.count < Self.pageSize { return }
        }
    }

    private func update(_ id: String, _ content: SubmissionContent) {
        let text = content.comparableText
        guard texts[id] != text else { return }
        texts[id] = text
        if let known = checked.removeValue(forKey: id), known.text == text {
            index.add(id, known.fingerprint)
        } else {
            index.add(id, text: text)
        }
    }
}
