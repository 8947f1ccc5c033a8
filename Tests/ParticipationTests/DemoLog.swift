import EventStore
import Foundation
import HadafEvents
import HadafTestSupport
import Participation

/// A real log in a temporary directory (kept as long as this value lives), with the demo
/// universities registered, a clock the test sets, and a quick way to register participants.
final class DemoLog: Sendable {
    let directory: TemporaryDirectory
    let store: EventStore
    let clock: ManualClock
    let officer = Actor(id: "officer-1", role: .ministryOfficer)

    /// Valid national codes, one per test participant.
    static let nationalCodes = ["0499370899", "1234567891", "2720123455", "0051234564", "3861237891"]

    /// A valid national code for participant `number`: one of ``nationalCodes``, or beyond them
    /// nine digits made of the number and their check digit.
    static func nationalCode(_ number: Int) -> String {
        guard number >= nationalCodes.count else { return nationalCodes[number] }
        let body = String(format: "4%08d", number + 1000).map { Int(String($0))! }
        let sum = body.enumerated().reduce(0) { $0 + $1.element * (10 - $1.offset) } % 11
        return body.map(String.init).joined() + String(sum < 2 ? sum : 11 - sum)
    }

    private init(directory: TemporaryDirectory, store: EventStore, clock: ManualClock) {
        self.directory = directory
        self.store = store
        self.clock = clock
    }

    static func make() async throws -> DemoLog {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        let clock = ManualClock(Date(timeIntervalSince1970: 1_763_000_000))
        _ = try await DemoUniversities.register(in: store, clock: clock)
        return DemoLog(directory: directory, store: store, clock: clock)
    }

    var registry: ParticipantRegistry { ParticipantRegistry(store: store, clock: clock) }

    /// Registers participant number `number` (its national code from ``nationalCodes``); returns the id.
    func register(_ kind: Actor.Role, number: Int, university: String = "ut", studentGroup: String? = nil) async throws -> String {
        let personal = try PersonalData(displayName: "شرکت‌کننده \(number)", nationalCode: Self.nationalCode(number), email: "p\(number)@\(university).ac.ir")
        return try await registry.register(kind: kind, university: university, studentGroup: studentGroup, personal: personal, by: officer)
    }

    /// Registers `count` students at the University of Tehran.
    func students(_ count: Int) async throws -> [String] {
        var ids: [String] = []
        for number in 0..<count { ids.append(try await register(.student, number: number)) }
        return ids
    }
}
