import Hummingbird
import NIOCore

/// `GET /openapi.json`: the document of every route (``APIDocument``).
struct OpenAPIRoutes {
    func add(to router: Router<HadafRequestContext>) {
        let document = APIDocument.json()
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}
