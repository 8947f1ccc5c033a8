import EventStore

/// A ministry officer appointed to act for the ministry: budgets, policies, festivals, awards
/// everywhere. Recorded in the log so that the audit can tell, from the log alone, who was an
/// officer when they acted; the accounts file only says who may sign in. Deputy officers are
/// registered as participants of their university (`participant.registered`); the officer who
/// appointed is the event's actor.
public struct StaffAppointed: DomainEvent {
    public static let eventType = "staff.appointed"
    /// The actor id the officer acts under.
    public let officerId: String
    /// The role appointed to: `ministry_officer`.
    public let role: String

    public init(officerId: String, role: String) {
        self.officerId = officerId
        self.role = role
    }
}

/// An appointment ended: from here on the officer's acts do not count.
public struct StaffDismissed: DomainEvent {
    public static let eventType = "staff.dismissed"
    public let officerId: String
    public let reason: String

    public init(officerId: String, reason: String) {
        self.officerId = officerId
        self.reason = reason
    }
}

/// The events of an officer's stream, `staff-<officer id>`.
public enum StaffEvent: EventFamily {
    case appointed(StaffAppointed)
    case dismissed(StaffDismissed)

    public var event: any DomainEvent {
        switch self {
        case let .appointed(event): event
        case let .dismissed(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        guard let event = try recorded.decode(as: StaffAppointed.self, Self.appointed)
            ?? recorded.decode(as: StaffDismissed.self, Self.dismissed)
        else { return nil }
        self = event
    }

    /// The stream of the officer with this actor id.
    public static func stream(_ officerId: String) -> String { "staff-\(officerId)" }
}
