/// Failed sign-ins in a sliding window, counted per login *and client address* together, and
/// per client address alone.
///
/// - Per (login, address): after ``maximumFailures`` within ``window`` that pair waits until
///   the oldest failure leaves the window. Failures from another address never count against a
///   person: nobody can lock the ministry's officers out by guessing at their logins.
/// - Per address: after ``maximumFailuresPerAddress`` within the window, across every login, that
///   address waits too, so that one client cannot guess at many logins.
///
/// Password hashing itself is bounded by ``PasswordChecker``, so that a flood from many
/// addresses slows only sign-ins, never the requests of people signed in.
///
/// Kept in memory: a restart forgets it, which costs an attacker a restart they cannot cause.
/// Keys whose failures have all left the window are swept once more than ``sweepThreshold`` are
/// held, so guessing at many logins cannot grow it without bound.
actor LoginThrottle {
    static let maximumFailures = 5
    static let maximumFailuresPerAddress = 50
    static let window = Duration.seconds(15 * 60)
    static let sweepThreshold = 10_000
    private var failures: [String: [ContinuousClock.Instant]] = [:]

    /// Seconds until `login` may try again from `address`, or nil when it may try now.
    func retryAfter(_ login: String, from address: String, now: ContinuousClock.Instant = .now) -> Int? {
        [(Self.pairKey(login, address), Self.maximumFailures), (Self.addressKey(address), Self.maximumFailuresPerAddress)]
            .compactMap { key, limit in wait(key, limit: limit, now: now) }
            .max()
    }

    func recordFailure(_ login: String, from address: String, now: ContinuousClock.Instant = .now) {
        for key in [Self.pairKey(login, address), Self.addressKey(address)] {
            failures[key] = prune(key, now: now) + [now]
        }
        if failures.count > Self.sweepThreshold {
            failures = failures.filter { now - ($0.value.last ?? now) < Self.window }
        }
    }

    /// A right password from `address` clears that pair's failures (not the address's, which
    /// counts guesses at other logins too).
    func recordSuccess(_ login: String, from address: String) {
        failures[Self.pairKey(login, address)] = nil
    }

    private func wait(_ key: String, limit: Int, now: ContinuousClock.Instant) -> Int? {
        let recent = prune(key, now: now)
        guard recent.count >= limit, let oldest = recent.dropLast(limit - 1).last else { return nil }
        return max(1, Int((oldest + Self.window - now).components.seconds))
    }

    private func prune(_ key: String, now: ContinuousClock.Instant) -> [ContinuousClock.Instant] {
        let recent = (failures[key] ?? []).filter { now - $0 < Self.window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }

    private static func pairKey(_ login: String, _ address: String) -> String { "\(address)\u{0}\(login)" }
    private static func addressKey(_ address: String) -> String { "\(address)\u{0}" }
}
