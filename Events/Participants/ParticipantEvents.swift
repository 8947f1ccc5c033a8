import EventStore

/// A person (or an operator) joined HADAF. Stream: `participant-<id>`.
///
/// Personal fields (name, national code, email) are not in clear: `personal` is their JSON
/// sealed with AES-256-GCM under the participant's own key, which lives outside the chain and is
/// destroyed on erasure. What stays readable is what incentives and audits count by: the kind
/// of participant and their university and group.
public struct ParticipantRegistered: DomainEvent {
    public static let eventType = "participant.registered"
    public let participantId: String
    /// The participant's kind: an ``Actor/Role`` raw value.
    public let kind: String
    /// The university code, for those who belong to one.
    public let university: String?
    /// The student group id, for a group's representative.
    public let studentGroup: String?
    /// Base64 of the AES-GCM box (nonce, ciphertext, tag) of the personal data's JSON.
    public let personal: String
    /// How `personal` was sealed, so a later scheme can tell old boxes from new.
    public let sealing: String

    public init(participantId: String, kind: String, university: String?, studentGroup: String?, personal: String, sealing: String) {
        self.participantId = participantId
        self.kind = kind
        self.university = university
        self.studentGroup = studentGroup
        self.personal = personal
        self.sealing = sealing
    }
}

/// The participant's personal data was erased on request: their key is destroyed, so the
/// sealed fields of their events can no longer be read. What they did, and what it earned,
/// stays in the log and in every total, under a participant id that names no one.
public struct ParticipantErased: DomainEvent {
    public static let eventType = "participant.erased"
    /// The role of whoever asked: the participant, or an officer acting on their request.
    public let requestedBy: String

    public init(requestedBy: String) {
        self.requestedBy = requestedBy
    }
}

/// The events of a participant's stream.
public enum ParticipantEvent: EventFamily {
    case registered(ParticipantRegistered)
    case erased(ParticipantErased)

    public var event: any DomainEvent {
        switch self {
        case let .registered(event): event
        case let .erased(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        guard let event = try recorded.decode(as: ParticipantRegistered.self, Self.registered)
            ?? recorded.decode(as: ParticipantErased.self, Self.erased)
        else { return nil }
        self = event
    }

    /// The stream prefix of every participant's stream.
    public static let streamPrefix = "participant-"

    /// The stream of a participant.
    public static func stream(_ participantId: String) -> String { streamPrefix + participantId }

    /// The participant whose stream `stream` is, or nil for another stream.
    public static func participant(ofStream stream: String) -> String? {
        stream.hasPrefix(streamPrefix) ? String(stream.dropFirst(streamPrefix.count)) : nil
    }
}
