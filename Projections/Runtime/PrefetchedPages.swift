import Dispatch
import EventStore

/// Pages of the log read, and prepared, on another thread while the caller folds the pages
/// before them.
///
/// A fold over the whole log on one thread (the audit's replay of the ledger) spent a quarter of
/// its time reading and decoding events and freeing them: work that needs none of the fold's
/// state, so the machine's other core can do it ahead. At most `depth` pages wait, so memory
/// stays bounded however far the reader could run ahead.
final class PrefetchedPages<Page: Sendable> {
    /// One page: what `prepare` made of its events, and the position of its last event.
    struct Prepared: Sendable {
        let page: Page
        let last: Int64
    }

    private let channel: PageChannel<Result<Prepared?, ProjectionError>>
    private var finished = false

    /// Starts reading at the first event and stops after `last` (or at the head, if before).
    init(
        from store: EventStore, through last: Int64, pageSize: Int, depth: Int = 2,
        prepare: @escaping @Sendable ([RecordedEvent]) throws -> Page
    ) {
        let channel = PageChannel<Result<Prepared?, ProjectionError>>(depth: depth)
        self.channel = channel
        DispatchQueue.global().async {
            var next: Int64 = 1
            while true {
                let item = Result { () throws(ProjectionError) -> Prepared? in
                    guard next <= last else { return nil }
                    let events: [RecordedEvent]
                    do throws(EventStoreError) { events = try store.read(from: next, limit: min(pageSize, Int(last - next + 1))) } catch { throw .log(error) }
                    guard let lastPosition = events.last?.position else { return nil }
                    next = lastPosition + 1
                    do { return Prepared(page: try prepare(events), last: lastPosition) } catch { throw .readModel(String(describing: error)) }
                }
                guard channel.send(item), case .success(.some) = item else { return }
            }
        }
    }

    deinit {
        channel.stop()
    }

    /// The next page, waiting for it if it is not read yet; nil after the last, and after an error
    /// (thrown once).
    func next() throws(ProjectionError) -> Prepared? {
        guard !finished else { return nil }
        let item = channel.receive()
        // After the last page or an error the reader has stopped: nothing more will come.
        if case .success(.some) = item {} else { finished = true }
        return try item.get()
    }
}
