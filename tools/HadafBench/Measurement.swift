import Foundation

/// A count of operations over a measured time.
struct Measurement {
    let label: String
    let count: Int
    let seconds: Double

    var perSecond: Double { Double(count) / seconds }

    /// Times `body`, which returns how many operations it performed.
    static func time(_ label: String, _ body: () async throws -> Int) async rethrows -> Measurement {
        let clock = ContinuousClock()
        var count = 0
        let elapsed = try await clock.measure { count = try await body() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measurement(label: label, count: count, seconds: seconds)
    }

    /// The measurement with the median rate, or nil when there is none.
    static func median(_ measurements: [Measurement]) -> Measurement? {
        let sorted = measurements.sorted { $0.perSecond < $1.perSecond }
        return sorted.isEmpty ? nil : sorted[sorted.count / 2]
    }

    /// One line of the report: label, rate, count and time.
    var line: String {
        "\(label.padding(toLength: 58, withPad: " ", startingAt: 0)) \(Self.format(perSecond).leftPadded(10)) /s   (\(count) in \(Self.format(seconds, decimals: 2)) s)"
    }

    static func format(_ value: Double, decimals: Int = 0) -> String {
        let factor = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let rounded = (value * factor).rounded() / factor
        return decimals == 0 ? String(Int(rounded)) : String(rounded)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
