import EventStore
import HadafEvents

/// The catalogue of submitted ideas and experiences that a new submission is compared with.
///
/// It folds the log's submission events into a ``NearDuplicateIndex`` and catches up from the
/// last position it read, so each check costs the events since the previous one. A submission
/// counts once it has been submitted and until it is withdrawn; drafts never flag anything.
public actor DuplicateCatalogue {
    private let store: EventStore
    private var index = NearDuplicateIndex<String>()
    private var texts: [String: String] = [:]
    private var submitted: Set<String> = []
    private var nextPosition: Int64 = 1

    static let types: Set<String> = [SubmissionDrafted.eventType, SubmissionRevised.eventType, SubmissionSubmitted.eventType, SubmissionWithdrawn.eventType]

    public init(store: EventStore) {
        self.store = store
    }

    /// Submitted submissions near-identical to `content` (similarity 0.8 or more), most similar
    /// first, leaving out `submissionId` itself.
    public func possibleDuplicates(of content: SubmissionContent, excluding submissionId: String) throws(DomainError) -> [PossibleDuplicate] {
        try catchUp()
        return index.matches(for: content.comparableText, excluding: submissionId)
            .filter { submitted.contains($0.id) }
            .map { PossibleDuplicate(submissionId: $0.id, similarity: ($0.similarity * 1000).rounded() / 1000) }
    }

    private func catchUp() throws(DomainError) {
        while true {
            let page: [RecordedEvent]
            do { page = try store.read(from: nextPosition, limit: 5000) } catch { throw .store(error) }
            guard let last = page.last else { return }
            for recorded in page where Self.types.contains(recorded.type) {
                let id = String(recorded.stream.dropFirst("submission-".count))
                let event: SubmissionEvent?
                do { event = try SubmissionEvent(recorded) } catch { throw .unreadableEvent(position: recorded.position, type: recorded.type) }
                switch event {
                case let .drafted(drafted)?: update(id, drafted.content)
                case let .revised(revised)?: update(id, revised.content)
                case .submitted?: submitted.insert(id)
                case .withdrawn?: submitted.remove(id)
                default: break
                }
            }
            nextPosition = last.position + 1
        }
    }

    private func update(_ id: String, _ content: SubmissionContent) {
        let text = content.comparableText
        guard texts[id] != text else { return }
        texts[id] = text
        index.add(id, text: text)
    }
}
