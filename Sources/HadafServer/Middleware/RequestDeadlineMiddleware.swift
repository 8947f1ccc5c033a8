import Hummingbird

/// Gives every request a deadline: a handler still running after `limit` is cancelled.
///
/// - A request with a body (any method but GET, HEAD and OPTIONS) that is still being read or
///   handled then (a client trickling its body in, a write queued behind a long one) gets 408
///   `request.timeout`.
/// - A request without a body is the server's own slowness: it gets 503 `request.deadline` with
///   `Retry-After`, and its work stops. Cancellation reaches SQLite through
///   ``TaskCancellationInterrupt``, which interrupts a read-only statement of a cancelled task, so a
///   page that would read for minutes on a national log no longer holds a core after its answer.
///
/// The paths answered from memory (`/health`, `/metrics`, the stylesheet) are left alone: racing a
/// timer costs two child tasks, which halved the rate of `GET /health` when it paid it.
/// Cancellation is cooperative: reading the body and waiting stop at once, while an append
/// already under way completes (its events are durable, and resending with the same idempotency
/// key returns them rather than appending twice). The idle timeout (``HadafServer/idleTimeout``)
/// cuts connections that send nothing at all.
///
/// The work also stops when the client goes away before its answer (``ClientConnection``): the
/// request is cancelled then, not at its deadline.
struct RequestDeadlineMiddleware: RouterMiddleware {
    typealias Context = HadafRequestContext
    let limit: Duration

    /// Paths answered from memory, exempt from the deadline.
    static func isExempt(_ path: String) -> Bool {
        path == "/health" || path == "/metrics" || path.hasPrefix("/assets/")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !Self.isExempt(request.uri.path) else { return try await next(request, context) }
        let hasBody = ![.get, .head, .options].contains(request.method)
        return try await withoutActuallyEscaping(next) { next in
            // The handler runs in a task of its own that ``RequestWatch`` cancels from a Dispatch
            // thread; this call awaits it (and passes its own cancellation on), so `next` never
            // outlives the call.
            let handler = UncheckedSendable(next)
            let task = Task { try await handler.value(request, context) }
            let watch = RequestWatch(cancelling: task, after: limit, connection: context.clientConnection)
            defer { watch.stop() }
            let outcome = await withTaskCancellationHandler { await task.result } onCancel: { task.cancel() }
            switch watch.reason {
            case .deadline?: throw hasBody ? Problem.requestTimeout(limit) : Problem.deadlinePassed(limit)
            case .clientGone?: throw Problem.clientGone
            case nil: return try outcome.get()
            }
        }
    }
}

/// A value passed to the request's task, which the middleware awaits before it returns.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
