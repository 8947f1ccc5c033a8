/// Failed sign-ins per login, in a sliding window: after ``maximumFailures`` within
/// ``window``, the login is refused until the oldest failure leaves the window.
///
/// Kept in memory: a restart forgets it, which costs an attacker a restart they cannot cause.
/// Logins whose failures have all left the window are swept once more than
/// ``sweepThreshold`` are held, so guessing at many logins cannot grow it without bound.
actor LoginThrottle {
    static let maximumFailures = 5
    static let window = Duration.seconds(15 * 60)
    static let sweepThreshold = 10_000
    private var failures: [String: [ContinuousClock.Instant]] = [:]

    /// Seconds until the login may try again, or nil when it may try now.
    func retryAfter(_ login: String, now: ContinuousClock.Instant = .now) -> Int? {
        let recent = prune(login, now: now)
        guard recent.count >= Self.maximumFailures, let oldest = recent.first else { return nil }
        return max(1, Int((oldest + Self.window - now).components.seconds))
    }

    func recordFailure(_ login: String, now: ContinuousClock.Instant = .now) {
        failures[login] = prune(login, now: now) + [now]
        if failures.count > Self.sweepThreshold {
            failures = failures.filter { now - ($0.value.last ?? now) < Self.window }
        }
    }

    func recordSuccess(_ login: String) {
        failures[login] = nil
    }

    private func prune(_ login: String, now: ContinuousClock.Instant) -> [ContinuousClock.Instant] {
        let recent = (failures[login] ?? []).filter { now - $0 < Self.window }
        failures[login] = recent.isEmpty ? nil : recent
        return recent
    }
}
