import HadafProjections
import Hummingbird
import NIOCore

/// `GET /health`: the process is up and answering, and whether its read side is. Touches no
/// database, so that load balancers and the benchmark measure the server itself: it answers
/// `{"status":"ok"}`, or `{"status":"degraded","reason":…}` (still 200: the server answers, and
/// forms are still taken) while the projectors wait to retry a storage failure or one has
/// stopped at an event. The log's head and the projectors' lag are in `/metrics`.
struct HealthRoutes {
    let health: ProjectionHealth
    private static let body = ByteBuffer(string: #"{"status":"ok"}"#)

    func add(to router: Router<HadafRequestContext>) {
        router.get("/health") { _, _ in
            let snapshot = health.snapshot
            guard let reason = snapshot.reason else {
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: Self.body))
            }
            return try JSONResponse.make(Degraded(status: "degraded", reason: reason))
        }
    }

    private struct Degraded: Encodable {
        let status: String
        let reason: String
    }
}
