import HadafProjections

/// Prints projector statuses as lines or as one JSON array.
enum StatusReport {
    static func print(_ statuses: [ProjectorStatus], json: Bool) throws {
        if json {
            try JSONOutput.print(statuses)
            return
        }
        for status in statuses {
            var line = "\(status.name) v\(status.version): position \(status.position), lag \(status.lag), hash \(status.contentHash ?? "none")"
            if let failure = status.failure { line += "; STOPPED at position \(failure.position): \(failure.message)" }
            Swift.print(line)
        }
    }
}
