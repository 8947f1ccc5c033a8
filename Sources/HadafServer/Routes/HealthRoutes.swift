import Hummingbird
import NIOCore

/// `GET /health`: the process is up and answering. Touches no database, so that load balancers
/// and the benchmark measure the server itself; the log's head and the projectors' lag are in
/// `/metrics`.
struct HealthRoutes {
    private static let body = ByteBuffer(string: #"{"status":"ok"}"#)

    func add(to router: Router<HadafRequestContext>) {
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: Self.body))
        }
    }
}
