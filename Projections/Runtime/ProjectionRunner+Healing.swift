import EventStore

extension ProjectionRunner {
    /// The first wait after a failed run, and the longest: each failure in a row doubles it.
    public static let healingBackoff: (first: Duration, longest: Duration) = (.milliseconds(250), .seconds(30))

    /// Follows the log until the task is cancelled, starting again after any failure of the
    /// log or the read model (a full disk, a locked or unreadable file), with a backoff that
    /// doubles up to ``healingBackoff``. `health` says meanwhile why the projectors are not
    /// running, and which stopped at an event.
    ///
    /// A server's read side must come back by itself once the disk has room again: before, one
    /// failed write stopped the projectors until a restart, while `/health` said ok.
    public func followHealing(health: ProjectionHealth, gathering: Duration = .zero, idleCheck: Duration = .seconds(1)) async {
        var wait = Self.healingBackoff.first
        while !Task.isCancelled {
            do {
                try await follow(idleCheck: idleCheck, gathering: gathering) { statuses in health.caughtUp(statuses) }
                return
            } catch {
                if Task.isCancelled { return }
                // Caught up since the last failure: this is a new outage, so the backoff starts over.
                if health.snapshot.interruption == nil { wait = Self.healingBackoff.first }
                health.interrupted(error.englishMessage)
            }
            try? await Task.sleep(for: wait)
            wait = min(wait * 2, Self.healingBackoff.longest)
        }
    }
}
