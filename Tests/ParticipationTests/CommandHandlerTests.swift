import EventStore
import Foundation
import HadafEvents
import HadafTestSupport
import Participation
import Testing

@Suite("Handling commands against the log")
struct CommandHandlerTests {
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    /// A log in a temporary directory that lives as long as this value, with a registered university.
    private struct RegisteredUniversity {
        let directory: TemporaryDirectory
        let store: EventStore
        let handler: CommandHandler<University>
    }

    private func registeredUniversity() async throws -> RegisteredUniversity {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        let handler = CommandHandler<University>(store: store, clock: ManualClock(Date(timeIntervalSince1970: 1_763_713_800)))
        _ = try await handler.handle(.register(code: "ut", name: "دانشگاه تهران", englishName: "University of Tehran", province: "تهران"), on: "university-ut", by: officer)
        return RegisteredUniversity(directory: directory, store: store, handler: handler)
    }

    /// Thirty commands race on one stream: ten names, each sent under three group ids.
    @Test func concurrentCommandsToOneStreamAreEachAppliedOnceOrRefusedWithAReason() async throws {
        let test = try await registeredUniversity()
        let names = (1...10).map { "تشکل شماره \($0)" }
        let outcomes = await withTaskGroup(of: (String, Result<CommandHandler<University>.Outcome, DomainError>).self) { group in
            for (index, name) in names.enumerated() {
                for copy in 0..<3 {
                    group.addTask {
                        do throws(DomainError) {
                            let outcome = try await test.handler.handle(.registerStudentGroup(groupId: "g-\(index)-\(copy)", name: name), on: "university-ut", by: officer)
                            return (name, .success(outcome))
                        } catch {
                            return (name, .failure(error))
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for name in names {
            let forName = outcomes.filter { $0.0 == name }.map(\.1)
            #expect(forName.filter { (try? $0.get())?.eventCount == 1 }.count == 1, "\(name) applied once")
            for case let .failure(error) in forName {
                #expect(error == .studentGroupNameTaken(name: name))
            }
        }
        let events = try test.store.readStream("university-ut")
        #expect(events.count == 11)
        #expect(Set(events.dropFirst().map { String(decoding: $0.payload, as: UTF8.self) }).count == 10)
    }

    @Test func aRetriedCommandWithItsIdempotencyKeyGetsItsFirstOutcomeWithoutDecidingAgain() async throws {
        let test = try await registeredUniversity()
        let command = University.Command.registerStudentGroup(groupId: "kanoon", name: "کانون شعر")
        let first = try await test.handler.handle(command, on: "university-ut", by: officer, idempotencyKey: "form-77")
        // Without the key, deciding again would see the group and decide nothing; with it, the
        // caller learns where its events went.
        let retry = try await test.handler.handle(command, on: "university-ut", by: officer, idempotencyKey: "form-77")
        #expect(first.result?.positions == retry.result?.positions)
        #expect(retry.result?.wasAlreadyStored == true)
        #expect(try test.store.readStream("university-ut").count == 2)
    }

    @Test func eventsRecordTheActorTheTimeAndTheKey() async throws {
        let test = try await registeredUniversity()
        let metadata = try #require(try test.store.readStream("university-ut").first).metadata()
        #expect(metadata.actorId == "officer-1" && metadata.actorRole == "ministry_officer")
        #expect(metadata.occurredAt == Date(timeIntervalSince1970: 1_763_713_800))
        #expect(metadata.correlationId != nil)
    }

    @Test func aRefusedCommandAppendsNothing() async throws {
        let test = try await registeredUniversity()
        await #expect(throws: DomainError.universityNotRegistered) {
            try await test.handler.handle(.registerCulturalDeputy(name: "معاونت"), on: "university-nowhere", by: officer)
        }
        #expect(try test.store.head()?.position == 1)
    }

    @Test func aStreamHoldingAnUnreadableEventIsDecidedWithoutItNotGuessed() async throws {
        // The log cannot be edited: one crafted event must not close a stream for good. It is
        // skipped, as every reader skips it (the audit names it), never read as something else.
        let test = try await registeredUniversity()
        _ = try await test.store.append([NewEvent(type: UniversityRegistered.eventType, payload: Data(#"{"code":5}"#.utf8))], to: "university-bad")
        await #expect(throws: DomainError.universityNotRegistered) {
            try await test.handler.handle(.registerCulturalDeputy(name: "x"), on: "university-bad", by: officer)
        }
        _ = try await test.store.append([NewEvent(type: "award.budget_allocated", payload: Data(#"{"lineId":"x","title":"x","rials":9223372036854775807}"#.utf8))], to: "university-ut")
        _ = try await test.handler.handle(.registerCulturalDeputy(name: "معاونت فرهنگی"), on: "university-ut", by: officer)
        #expect(try test.store.head()?.position == 4)
    }

    @Test func theDemoUniversitiesRegisterOnce() async throws {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        #expect(try await DemoUniversities.register(in: store) == 28)
        #expect(try await DemoUniversities.register(in: store) == 0)
        let (state, version) = try CommandHandler<University>(store: store).load(University.stream(code: "sharif"))
        #expect(state.registered?.name == "دانشگاه صنعتی شریف" && state.culturalDeputy != nil && version == 2)
    }
}
