import EventStore
import HadafProjections
import Hummingbird
import NIOCore

/// `GET /metrics`: Prometheus' text format (``ServerMetrics``). Counts and positions only, no
/// personal data.
struct MetricsRoutes {
    let metrics: ServerMetrics
    let store: EventStore
    let projections: ProjectionRunner
    let health: ProjectionHealth

    func add(to router: Router<HadafRequestContext>) {
        router.get("/metrics") { _, _ in
            let statuses = try projections.status(withContentHashes: false)
            let text = metrics.text(logHead: try store.head()?.position ?? 0, projectionLag: statuses.map { ($0.name, $0.lag) }, health: health.snapshot)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }
}
