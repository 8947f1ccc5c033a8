import EventStore
import Foundation
import Hummingbird

/// The platform's signed checkpoints, published so that auditors keep copies elsewhere:
/// `GET /checkpoints.json` is the list `hadaf verify --against FILE` reads, `GET /checkpoints`
/// the same in Persian. Both read the log's checkpoint stream, one indexed read of a stream
/// that grows by one event a checkpoint.
struct CheckpointRoutes {
    let store: EventStore
    /// The keys the platform holds its checkpoints to: its own and `hadaf.trusted-keys`.
    let trustedKeys: Set<String>

    func add(to router: Router<HadafRequestContext>, pages: PageRenderer) {
        router.get("/checkpoints.json") { _, _ in
            let checkpoints = try store.recordedCheckpoints().map(\.checkpoint)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(checkpoints))))
        }
        router.get("/checkpoints") { _, context in
            let checkpoints = try store.recordedCheckpoints()
            let page = CheckpointsPage(
                account: context.identity.map { PageAccount($0.account, csrfToken: $0.csrfToken) }, checkpoints: checkpoints, trustedKeys: trustedKeys)
            return try pages.response(CheckpointsPage.template, page)
        }
    }
}
