import Hummingbird

/// Times every request and counts it by route template (not by path, so ids do not multiply
/// the series), method and final status. Outermost, so that refusals are counted as answered.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = HadafRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, seconds: seconds)
        return response
    }
}
