import Crypto
import EventStore
import Foundation
import HadafEvents

/// Registers, reads and erases participants: the I/O around the ``Participant`` decider
/// (subject keys, sealing, checking the university and group).
public struct ParticipantRegistry: Sendable {
    let store: EventStore
    let participants: CommandHandler<Participant>
    let universities: CommandHandler<University>

    public init(store: EventStore, clock: any Clock = SystemClock()) {
        self.store = store
        participants = CommandHandler(store: store, clock: clock)
        universities = CommandHandler(store: store, clock: clock)
    }

    /// The subject under which the platform keeps the pepper of participant ids.
    static let pepperSubject = "platform:participant-id-pepper"

    /// A participant as others may see them: the name only while it is not erased.
    public struct Profile: Sendable, Hashable {
        public let participantId: String
        public let kind: Actor.Role
        public let university: String?
        public let studentGroup: String?
        /// The personal data; nil once erased.
        public let personal: PersonalData?

        public var isErased: Bool { personal == nil }
        /// What pages and reports show for the person.
        public var displayName: String { personal?.displayName ?? "[erased]" }
    }

    /// The id a national code registers under: `p-` and 20 hex digits of HMAC-SHA-256 with the
    /// platform's pepper. The same person always gets the same id, so no one registers twice,
    /// and the id says nothing about the code to anyone without the pepper.
    public func participantId(for code: NationalCode) throws(DomainError) -> String {
        let pepper = try call { () throws(EventStoreError) in try store.subjectKey(Self.pepperSubject) }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(code.digits.utf8), using: pepper)
        return "p-" + Data(mac).prefix(10).hexString
    }

    /// Registers a participant; returns their id.
    @discardableResult
    public func register(
        kind: Actor.Role, university: String?, studentGroup: String? = nil, personal: PersonalData, by actor: Actor,
        idempotencyKey: String? = nil
    ) async throws(DomainError) -> String {
        if let university {
            let (state, _) = try universities.load(University.stream(code: university))
            guard state.registered != nil else { throw .universityNotRegistered }
            if let studentGroup, !state.groupIds.contains(studentGroup) { throw .studentGroupNotFound(groupId: studentGroup) }
        }
        let id = try participantId(for: personal.nationalCode)
        let key = try call { () throws(EventStoreError) in try store.subjectKey(Self.subject(id)) }
        let sealed: String
        do { sealed = try PersonalDataSeal.seal(personal, with: key) } catch { throw .store(.storage("sealing failed: \(error)")) }
        _ = try await participants.handle(
            .register(id: id, kind: kind, university: university, studentGroup: studentGroup, sealedPersonal: sealed),
            on: Participant.stream(id), by: actor, idempotencyKey: idempotencyKey)
        return id
    }

    /// The participant's profile, or nil when no one is registered under the id.
    public func profile(_ participantId: String) throws(DomainError) -> Profile? {
        let (state, _) = try participants.load(Participant.stream(participantId))
        guard let registered = state.registered else { return nil }
        var personal: PersonalData?
        if !state.isErased, let key = try? store.storedSubjectKey(Self.subject(participantId)) {
            personal = try? PersonalDataSeal.open(registered.personal, with: key)
        }
        return Profile(
            participantId: participantId, kind: Actor.Role(rawValue: registered.kind) ?? .student,
            university: registered.university, studentGroup: registered.studentGroup, personal: personal)
    }

    /// Erases the participant's personal data: destroys their key first (so the data is
    /// unreadable even if the process dies next), then records the erasure. Running it again
    /// finishes an erasure that was interrupted.
    public func erase(_ participantId: String, by actor: Actor) async throws(DomainError) {
        let (state, _) = try participants.load(Participant.stream(participantId))
        guard state.registered != nil else { throw .participantNotRegistered }
        // The decider decides who may erase; ask it before destroying anything.
        _ = try Participant.decide(.erase, state: state, context: DecisionContext(actor: actor, now: Date()))
        try call { () throws(EventStoreError) in _ = try store.destroySubjectKey(Self.subject(participantId)) }
        _ = try await participants.handle(.erase, on: Participant.stream(participantId), by: actor)
    }

    static func subject(_ participantId: String) -> String { "participant:\(participantId)" }

    private func call<T>(_ body: () throws(EventStoreError) -> T) throws(DomainError) -> T {
        do {
            return try body()
        } catch {
            if case .subjectKeyDestroyed = error { throw .participantErased }
            throw .store(error)
        }
    }
}
