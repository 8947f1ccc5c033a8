import EventStore
import Foundation
import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Operations: metrics")
struct MetricsTests {
    @Test func metricsCountRequestsByRouteAndStatusAndShowTheHeadAndLag() async throws {
        let fixture = try await ServerFixture.make()
        let head = try #require(try fixture.server.store.head()?.position)
        try await fixture.test { client in
            for _ in 0..<3 { try await client.execute(uri: "/health", method: .get) }
            try await client.execute(uri: "/api/v1/participants/p-1/scores", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response throws in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = response.text
                #expect(text.contains(#"hadaf_http_requests_total{method="GET",route="/health",status="200"} 3"#))
                #expect(text.contains(#"hadaf_http_requests_total{method="GET",route="/api/v1/participants/{id}/scores",status="401"} 1"#))
                #expect(text.contains(#"hadaf_http_request_duration_seconds_count{method="GET",route="/health",status="200"} 3"#))
                #expect(text.contains("hadaf_log_head_position \(head)"))
                #expect(text.contains(#"hadaf_projection_lag_events{projector="ledger"} \#(head)"#))
            }
        }
    }
}
