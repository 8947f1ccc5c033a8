import EventStore
import Foundation
import HadafServer
import HTTPTypes
import NIOCore
import HummingbirdTesting
import Testing

@Suite("Published checkpoints: the list auditors copy, and its Persian page")
struct CheckpointRouteTests {
    /// Checkpoints recorded in the log are served as the list `hadaf verify --against` reads,
    /// oldest first, and on a page that marks the one signed by a key the platform does not
    /// trust.
    @Test func theLogsCheckpointsArePublishedAndAnUntrustedOneIsMarked() async throws {
        let fixture = try await ServerFixture.make()
        let trusted = try await fixture.server.store.checkpoint(signingWith: fixture.server.signingKey)
        let stranger = try await fixture.server.store.checkpoint(signingWith: SigningKey())
        try await fixture.test { client in
            try await client.execute(uri: "/checkpoints.json", method: .get) { response in
                #expect(response.status == .ok)
                let published = try LogCheckpoint.readAll(Data(response.body.readableBytesView))
                #expect(published == [trusted, stranger])
            }
            try await client.execute(uri: "/checkpoints", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.text
                #expect(page.contains(trusted.headHash) && page.contains(stranger.headHash))
                #expect(page.contains("(مورد اعتماد)") && page.contains("(نامعتبر یا ناشناخته)"))
                #expect(page.range(of: stranger.headHash)!.lowerBound < page.range(of: trusted.headHash)!.lowerBound, "newest first")
            }
        }
    }
}
