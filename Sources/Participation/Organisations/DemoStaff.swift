import EventStore
import HadafEvents

/// The demo's ministry officers, appointed by the platform itself so that the log shows who
/// they are (the audit counts an officer's acts only under an appointment): `officer-1`, whom
/// docs/commands.md acts as, `officer-2`, a second approver, and `ministry-office`, as which
/// `hadaf policy adopt` acts by default.
public enum DemoStaff {
    public static let officers = ["officer-1", "officer-2", "ministry-office"]

    /// Appoints every demo officer not appointed yet; returns how many events were appended.
    public static func appoint(in store: EventStore, clock: any Clock = SystemClock()) async throws(DomainError) -> Int {
        let handler = CommandHandler<Staff>(store: store, clock: clock)
        var appended = 0
        for officer in officers {
            appended += try await handler.handle(.appoint(officerId: officer, role: .ministryOfficer), on: Staff.stream(officer), by: Staff.platform).eventCount
        }
        return appended
    }
}
