import Hummingbird

/// Gives each request that carries a body (every method but GET, HEAD and OPTIONS) a deadline:
/// a handler still running after `limit` (a client trickling its body in, a write queued behind
/// a long one) is cancelled and the client gets 408 with the `request.timeout` problem. Requests
/// without a body have nothing to trickle and only read, so they are left alone: racing a timer
/// costs two child tasks, which halved the rate of `GET /health` when every request paid it. Cancellation is cooperative: reading the body and waiting stop at
/// once, while an append already under way completes (its events are durable, and resending
/// with the same idempotency key returns them rather than appending twice). The idle timeout
/// (``HadafServer/idleTimeout``) cuts connections that send nothing at all.
struct RequestDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        return try await withoutActuallyEscaping(next) { next in
            // The handler runs in a child task so that the deadline can cancel it; the group
            // waits for it to wind down before the answer leaves, so `next` never outlives this call.
            let handler = UncheckedSendable(next)
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask { try await handler.value(request, context) }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else { throw Problem.requestTimeout(limit) }
                return response
            }
        }
    }
}

/// A value passed to a child task that the task group's scope keeps from escaping.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
