import EventStore
import Foundation
import HadafEvents

/// Runs commands against the log: loads the stream, folds it, decides, and appends with the
/// version it read. When another writer got there first it reads again and decides again, up to
/// `maximumAttempts` times, so concurrent commands to one stream are each applied once or
/// refused with a reason, never lost and never applied twice.
public struct CommandHandler<D: Decider>: Sendable {
    let store: EventStore
    let clock: any Clock
    let maximumAttempts: Int

    public init(store: EventStore, clock: any Clock = SystemClock(), maximumAttempts: Int = 8) {
        self.store = store
        self.clock = clock
        self.maximumAttempts = max(1, maximumAttempts)
    }

    /// What a handled command did.
    public struct Outcome: Sendable, Hashable {
        /// Where its events were recorded; nil when it decided nothing (it was already done).
        public let result: AppendResult?
        /// The number of events it appended (0 for a repeated command).
        public var eventCount: Int { result.map { Int($0.lastPosition - $0.firstPosition + 1) } ?? 0 }
    }

    /// Handles one command on `stream`.
    ///
    /// - Parameters:
    ///   - idempotencyKey: makes a retried command return its first outcome without deciding
    ///     again (a browser's double submit, a script run twice).
    ///   - occurredAt: when the act happened, for imports of earlier acts; the clock's time otherwise.
    ///   - deferred: events to park with the command's events (see ``DeferredEvent``).
    ///   - expectingNewStream: the command usually starts its stream (a new submission), so it is
    ///     first decided without reading the stream; if the stream exists after all, the append
    ///     is refused as a conflict and the command is read and decided again, as usual.
    public func handle(
        _ command: D.Command,
        on stream: String,
        by actor: Actor,
        idempotencyKey: String? = nil,
        correlationId: UUID? = nil,
        requestId: String? = nil,
        occurredAt: Date? = nil,
        deferring deferred: [DeferredEvent] = [],
        expectingNewStream: Bool = false
    ) async throws(DomainError) -> Outcome {
        if let idempotencyKey, let earlier = try storeCall({ () throws(EventStoreError) in try store.result(forIdempotencyKey: idempotencyKey) }) {
            return Outcome(result: earlier)
        }
        let now = occurredAt ?? clock.now()
        let context = DecisionContext(actor: actor, now: now)
        let metadata = EventMetadata(
            actorId: actor.id, actorRole: actor.role.rawValue, correlationId: correlationId ?? UUID.timeOrdered(),
            requestId: requestId, idempotencyKey: idempotencyKey, occurredAt: now)
        var assumesNewStream = expectingNewStream
        for _ in 0..<(expectingNewStream ? maximumAttempts + 1 : maximumAttempts) {
            let decided: [D.Event]
            let version: Int64
            if assumesNewStream {
                // Decided on an empty stream without reading it; the append expects no stream, so
                // a stream that exists after all is a conflict, read and decided again below, as
                // is any refusal or no-op here (the real state may answer otherwise).
                assumesNewStream = false
                guard let fresh = try? D.decide(command, state: D.initialState, context: context), !fresh.isEmpty else { continue }
                (decided, version) = (fresh, 0)
            } else {
                let (state, loadedVersion) = try load(stream)
                decided = try D.decide(command, state: state, context: context)
                version = loadedVersion
            }
            guard !decided.isEmpty else { return Outcome(result: nil) }
            let envelopes: [NewEvent]
            do {
                envelopes = try decided.map { try $0.envelope(metadata: metadata) }
            } catch let error as EventStoreError {
                throw .store(error)
            } catch {
                throw .store(.invalidJSON(field: "payload", reason: String(describing: error)))
            }
            do {
                let result = try await store.append(
                    envelopes, to: stream, expectedVersion: version == 0 ? .noStream : .exact(version), deferring: deferred)
                return Outcome(result: result)
            } catch .versionConflict {
                continue
            } catch {
                throw .store(error)
            }
        }
        throw .tooMuchContention(stream: stream, attempts: maximumAttempts)
    }

    /// The stream's state and version.
    public func load(_ stream: String) throws(DomainError) -> (state: D.State, version: Int64) {
        let recorded = try storeCall { () throws(EventStoreError) in try store.readStream(stream) }
        var state = D.initialState
        for event in recorded {
            // An event this version cannot read is skipped, as every reader skips it: the log cannot
            // be edited, and a stream must not be closed for good by one crafted event. The audit
            // reports it (docs/participation.md, "Tolerant reading").
            if let decoded = D.Event.reading(event) { state = D.evolve(state, decoded) }
        }
        return (state, recorded.last?.streamVersion ?? 0)
    }

    private func storeCall<T>(_ body: () throws(EventStoreError) -> T) throws(DomainError) -> T {
        do { return try body() } catch { throw .store(error) }
    }
}
