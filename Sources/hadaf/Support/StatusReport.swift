import Foundation
import HadafProjections

/// Prints projector statuses as lines or as one JSON array.
enum StatusReport {
    static func print(_ statuses: [ProjectorStatus], json: Bool) {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Swift.print(String(decoding: (try? encoder.encode(statuses)) ?? Data(), as: UTF8.self))
            return
        }
        for status in statuses {
            var line = "\(status.name) v\(status.version): position \(status.position), lag \(status.lag), hash \(status.contentHash.isEmpty ? "none" : status.contentHash)"
            if let failure = status.failure { line += "; STOPPED at position \(failure.position): \(failure.message)" }
            Swift.print(line)
        }
    }
}
