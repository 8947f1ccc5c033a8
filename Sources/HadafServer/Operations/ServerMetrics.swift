import HadafProjections
import Foundation
import Synchronization

/// Requests and latencies by route, counted in memory and written in Prometheus' text format
/// at `/metrics`, with the log's head and each projector's lag read when scraped.
final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct Key: Hashable, Comparable {
        let method: String
        let route: String
        let status: Int

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status) }
    }

    struct Latency {
        var counts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var count = 0
        var sum = 0.0
    }

    private let state = Mutex<[Key: Latency]>([:])

    func record(method: String, route: String, status: Int, seconds: Double) {
        state.withLock { requests in
            var latency = requests[Key(method: method, route: route, status: status)] ?? Latency()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { latency.counts[index] += 1 }
            latency.count += 1
            latency.sum += seconds
            requests[Key(method: method, route: route, status: status)] = latency
        }
    }

    /// The exposition text, with the gauges given.
    func text(logHead: Int64, projectionLag: [(name: String, lag: Int64)], health: ProjectionHealth.Snapshot = .init()) -> String {
        let requests = state.withLock { $0 }
        var lines = [
            "# HELP hadaf_http_requests_total Requests answered, by route, method and status.",
            "# TYPE hadaf_http_requests_total counter",
        ]
        for key in requests.keys.sorted() {
            lines.append("hadaf_http_requests_total{\(labels(key))} \(requests[key]!.count)")
        }
        lines += [
            "# HELP hadaf_http_request_duration_seconds Time to answer, by route, method and status.",
            "# TYPE hadaf_http_request_duration_seconds histogram",
        ]
        for key in requests.keys.sorted() {
            let latency = requests[key]!
            for (index, bound) in Self.buckets.enumerated() {
                lines.append("hadaf_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(bound)\"} \(latency.counts[index])")
            }
            lines.append("hadaf_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(latency.count)")
            lines.append("hadaf_http_request_duration_seconds_sum{\(labels(key))} \(latency.sum)")
            lines.append("hadaf_http_request_duration_seconds_count{\(labels(key))} \(latency.count)")
        }
        lines += [
            "# HELP hadaf_log_head_position Events appended to the log: the position of the last.",
            "# TYPE hadaf_log_head_position gauge",
            "hadaf_log_head_position \(logHead)",
            "# HELP hadaf_projection_lag_events Events each projector has yet to apply.",
            "# TYPE hadaf_projection_lag_events gauge",
        ]
        for projector in projectionLag { lines.append("hadaf_projection_lag_events{projector=\"\(projector.name)\"} \(projector.lag)") }
        lines += [
            "# HELP hadaf_projections_healthy 1 while every projector runs; 0 while a run waits to retry or a projector stopped.",
            "# TYPE hadaf_projections_healthy gauge",
            "hadaf_projections_healthy \(health.isHealthy ? 1 : 0)",
            "# HELP hadaf_projection_restarts_total Runs of the projectors stopped by a storage failure and started again.",
            "# TYPE hadaf_projection_restarts_total counter",
            "hadaf_projection_restarts_total \(health.restarts)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func labels(_ key: Key) -> String {
        "method=\"\(key.method)\",route=\"\(key.route.replacingOccurrences(of: "\"", with: ""))\",status=\"\(key.status)\""
    }
}
