import Foundation

/// Appends a stream of envelope lines (JSON Lines, see ``EnvelopeLine``) to the log in large
/// batches, each one transaction.
///
/// Lines are parsed on the caller's task while the writer commits the previous batch, so the
/// two cores share the work. A line whose event id is already stored is skipped, which makes an
/// import safe to run again. A malformed line stops the import before its batch is written.
public struct EnvelopeImporter: Sendable {
    /// Counts so far, reported after each batch and at the end.
    public struct Progress: Hashable, Sendable {
        /// Lines read, blank ones included.
        public var lines = 0
        /// Events appended.
        public var appended = 0
        /// Lines whose event was already stored.
        public var skipped = 0
        /// Lines the log refused (an id stored in another stream), with the first reasons.
        public var refused = 0
        /// Up to ten refusals: line number and error.
        public var firstRefusals: [Refusal] = []
    }

    /// One line the log refused.
    public struct Refusal: Hashable, Sendable {
        public let line: Int
        public let error: EventStoreError
    }

    let store: EventStore
    let batchSize: Int
    /// Why a stream name may not be imported, or nil when it may: the domain's rule on names
    /// (the log itself knows none beyond ``StreamName``).
    let refusesStream: @Sendable (String) -> String?

    public init(store: EventStore, batchSize: Int = 20_000, refusesStream: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.refusesStream = refusesStream
    }

    /// Imports every line that `read` yields, calling `progress` after each committed batch.
    ///
    /// - Parameter read: returns the next chunk of the input, or an empty `Data` at its end.
    public func run(
        reading read: () throws -> Data,
        progress: (Progress) -> Void = { _ in }
    ) async throws(ImportError) -> Progress {
        var totals = Progress()
        var lines = LineSplitter()
        var batch: [StreamAppend] = []
        var batchLines: [Int] = []
        var pending: Task<[Result<AppendResult, EventStoreError>], Never>?
        var pendingLines: [Int] = []
        batch.reserveCapacity(batchSize)

        func settle() async {
            guard let task = pending else { return }
            let outcomes = await task.value
            for (outcome, line) in zip(outcomes, pendingLines) {
                switch outcome {
                case let .success(result) where result.wasAlreadyStored: totals.skipped += 1
                case .success: totals.appended += 1
                case let .failure(error):
                    totals.refused += 1
                    if totals.firstRefusals.count < 10 { totals.firstRefusals.append(Refusal(line: line, error: error)) }
                }
            }
            pending = nil
            progress(totals)
        }
        func flush() async {
            await settle()
            let appends = batch
            pendingLines = batchLines
            pending = Task { await store.append(appends) }
            batch.removeAll(keepingCapacity: true)
            batchLines.removeAll(keepingCapacity: true)
        }

        while true {
            let chunk: Data
            do { chunk = try read() } catch { await settle(); throw .unreadableInput(String(describing: error)) }
            let atEnd = chunk.isEmpty
            var failure: (line: Int, reason: String)?
            lines.feed(chunk, atEnd: atEnd) { line in
                totals.lines += 1
                guard failure == nil, !Self.isBlank(line) else { return }
                do throws(EnvelopeLineError) {
                    let (stream, event) = try EnvelopeLine.parse(line, lineNumber: totals.lines)
                    if let reason = refusesStream(stream) { throw EnvelopeLineError(reason: reason) }
                    batch.append(StreamAppend(validated: stream, event: event))
                    batchLines.append(totals.lines)
                } catch {
                    failure = (totals.lines, error.reason)
                }
            }
            if let failure {
                await settle()
                throw .malformedLine(line: failure.line, reason: failure.reason, appendedBefore: totals.appended)
            }
            if batch.count >= batchSize || (atEnd && !batch.isEmpty) { await flush() }
            if atEnd { break }
        }
        await settle()
        return totals
    }

    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}

extension StreamAppend {
    /// A one-event append whose parts the import parser has already checked.
    init(validated stream: String, event: NewEvent) {
        self.stream = stream
        self.events = [event]
        self.deferred = []
        self.expectedVersion = .any
        self.idempotencyKey = nil
        self.contentHash = nil
    }
}
