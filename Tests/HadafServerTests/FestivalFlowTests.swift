import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HadafServer
import HadafTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Participation
import Testing

@Suite("A festival from call to prizes on a real log, announced and verified")
struct FestivalFlowTests {
    private static let codes = ["0499370899", "1234567891", "2720123455", "0051234564", "3861237891"]
    private let officer = Actor(id: "officer-1", role: .ministryOfficer)

    /// A log with a closed festival: students at Tehran, Sharif and Razi whose accepted ideas are
    /// entries (Tehran's is the best, Razi's the worst), three jurors who scored all three. The
    /// call also has a category for students with 30 points or more, and one for university
    /// deputies with 30 points or more; Tehran's deputy officer is registered.
    private final class Flow: Sendable {
        let directory: TemporaryDirectory
        let store: EventStore
        let clock: ManualClock
        let students: [String: String]
        let deputy: String
        let screener: String
        let model: ReadModel

        init(directory: TemporaryDirectory, store: EventStore, clock: ManualClock, students: [String: String], deputy: String, screener: String) throws {
            self.directory = directory
            self.store = store
            self.clock = clock
            self.students = students
            self.deputy = deputy
            self.screener = screener
            model = try ReadModel(path: ReadModel.path(besideLog: store.path))
        }

        var readSide: LogReadSide {
            LogReadSide(store: store, model: model, catchingUp: ProjectionRunner(store: store, model: model, projectors: StandardProjectors.all))
        }
        var festivals: Festivals { Festivals(store: store, clock: clock, readSide: readSide) }
        var runner: CommandRunner { CommandRunner(store: store, clock: clock, festivalReadSide: readSide, awardReadSide: readSide) }
    }

    /// The flow; with `scoring` false it stops while the call is open.
    private func flow(scoring: Bool = true) async throws -> Flow {
        let directory = try TemporaryDirectory()
        let store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        let clock = ManualClock(Date(timeIntervalSince1970: 1_763_000_000))
        _ = try await DemoUniversities.register(in: store, clock: clock)
        let registry = ParticipantRegistry(store: store, clock: clock)
        func register(_ kind: Actor.Role, _ number: Int, _ university: String) async throws -> String {
            let personal = try PersonalData(displayName: "شرکت‌کننده \(number)", nationalCode: Self.codes[number], email: "p\(number)@\(university).ac.ir")
            return try await registry.register(kind: kind, university: university, personal: personal, by: officer)
        }
        let screener = try await register(.ministryOfficer, 0, "ut")
        let deputy = try await register(.universityDeputyOfficer, 4, "ut")
        var students: [String: String] = [:]
        let submissions = Submissions(store: store, clock: clock)
        for (number, university) in ["ut", "sharif", "razi"].enumerated() {
            let student = try await register(.student, number + 1, university)
            students[university] = student
            let content = SubmissionContent.idea(IdeaContent(
                title: "ایده \(university)", summary: "ایده‌ای برای \(university)", problem: "مسئله", proposal: "پیشنهاد", expectedImpact: "اثر", category: .cultural))
            _ = try await submissions.draft("idea-\(university)", authors: [SubmissionAuthor(kind: .participant, id: student, share: 100)], content: content, by: student)
            _ = try await submissions.submit("idea-\(university)", by: student)
            _ = try await submissions.screen("idea-\(university)", decision: SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil), by: screener)
        }
        let category = FestivalCategory(
            id: "student-ideas", title: "ایده‌های دانشجویی", entrantKind: .student, submissionKinds: [.idea],
            rubric: [RubricCriterion(id: "originality", title: "نوآوری", weight: 1, minimum: 0, maximum: 10)],
            winners: 1, reserves: 1, quotaPerUniversity: nil, minimumScores: 3, prize: FestivalPrize(rials: 50_000_000, recognition: "لوح تقدیر"))
        let seasoned = FestivalCategory(
            id: "seasoned-ideas", title: "ایده‌های همیاران پرسابقه", entrantKind: .student, submissionKinds: [.idea], minimumPoints: 30,
            rubric: category.rubric, winners: 1, reserves: 0, quotaPerUniversity: nil, prize: category.prize)
        let deputies = FestivalCategory(
            id: "deputy-programmes", title: "برنامه‌های معاونت‌ها", entrantKind: .universityDeputy, submissionKinds: [], minimumPoints: 30,
            rubric: category.rubric, winners: 1, reserves: 0, quotaPerUniversity: nil, prize: FestivalPrize(rials: 500_000_000, recognition: "تندیس"))
        let festivals = Festivals(store: store, clock: clock)
        _ = try await festivals.open(FestivalOpened(
            festivalId: "third", year: 1404, edition: 3, title: "سومین جشنواره هدف", closesAt: clock.now().addingTimeInterval(86_400),
            sections: [
                FestivalSection(id: "ideas", title: "ایده‌ها", categories: [category, seasoned]),
                FestivalSection(id: "deputies", title: "معاونت‌ها", categories: [deputies]),
            ]), by: officer)
        let flow = try Flow(directory: directory, store: store, clock: clock, students: students, deputy: deputy, screener: screener)
        guard scoring else { return flow }
        _ = try await festivals.closeCall("third", by: officer)
        _ = try await festivals.confirm("third", entries: ["ut", "sharif", "razi"].map { (.submission("idea-\($0)"), "student-ideas") }, by: officer)
        for juror in ["yazd", "um", "tabrizu"] {
            _ = try await festivals.appointJuror("third", jurorId: "juror-\(juror)", section: "ideas", university: juror, by: officer)
        }
        _ = try await festivals.assignJurors("third", by: officer)
        for (offset, juror) in ["yazd", "um", "tabrizu"].enumerated() {
            for (entry, score) in [("ut", 9), ("sharif", 6), ("razi", 2)] {
                _ = try await festivals.score(
                    "third", entryId: "idea-\(entry)", scores: [CriterionScore(criterion: "originality", score: score - offset)],
                    by: Actor(id: "juror-\(juror)", role: .juror))
            }
        }
        return flow
    }

    private func announce(_ flow: Flow) async throws {
        let request = try CommandRequest(name: "festival.announce_winners", actor: officer, payload: Data(#"{"festivalId":"third"}"#.utf8), idempotencyKey: nil)
        #expect(try await flow.runner.run(request).eventCount == 1)
    }

    @Test func theAnnouncedWinnersEarnTheirPrizeAndTheListVerifiesUntilItsInputsChange() async throws {
        let flow = try await flow()
        try await announce(flow)
        let announced = try #require(try FestivalInputs.read("third", from: flow.store).announcement?.event)
        let outcomes = announced.selection.categories[0].placings.map { "\($0.entryId):\($0.outcome.rawValue)" }
        #expect(outcomes == ["idea-ut:winner", "idea-sharif:reserve", "idea-razi:below_cut"])
        #expect(announced.prizes.map(\.recipients) == [[SubmissionAuthor(kind: .participant, id: flow.students["ut"]!, share: 100)]])
        #expect(try FestivalVerification.verify("third", in: flow.store).verdict == .confirmed)

        // Scores are frozen once announced.
        do {
            _ = try await flow.festivals.score("third", entryId: "idea-razi", scores: [CriterionScore(criterion: "originality", score: 10)], by: Actor(id: "juror-yazd", role: .juror))
            Issue.record("a score after the announcement was accepted")
        } catch {
            #expect(error.code == "festival.announced")
        }

        // The prize is a ledger line scored by the year's policy, and a rebuild gives the same.
        let policy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Projections/policies/1404.json")
        _ = try await IncentivePolicies(store: flow.store, clock: flow.clock).adopt(try Data(contentsOf: policy), by: officer)
        let model = try ReadModel(path: ReadModel.path(besideLog: flow.store.path))
        let projections = ProjectionRunner(store: flow.store, model: model, projectors: StandardProjectors.all)
        _ = try projections.catchUp()
        let prize = try ScoreLine.read(participant: flow.students["ut"]!, year: 1404, in: model).filter { $0.rule == "festival.winner" }
        #expect(prize.map(\.points) == [30])
        #expect(try ScoreLine.read(participant: flow.students["sharif"]!, year: 1404, in: model).allSatisfy { $0.rule != "festival.winner" })
        let before = try projections.status().first { $0.name == "ledger" }?.contentHash
        _ = try projections.rebuild()
        #expect(try projections.status().first { $0.name == "ledger" }?.contentHash == before)
        #expect(FestivalSelector.select(try FestivalInputs.read("third", from: flow.store, before: try FestivalVerification.verify("third", in: flow.store).announcedAt)) == announced.selection)

        // The public page lists the winner and the reserve, with their universities and the prize.
        let accounts = try AccountStore(path: AccountStore.path(besideLog: flow.store.path), bcryptCost: 4)
        let server = try HadafServer(store: flow.store, model: model, accounts: accounts, configuration: .init(port: 0))
        let page = try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/festivals/third/winners", method: .get) { response throws in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
        }
        #expect(page.contains("<td>ایده ut</td><td>دانشگاه تهران</td><td>۵۰٬۰۰۰٬۰۰۰ ریال، لوح تقدیر</td>"))
        #expect(page.contains(#"<tr class="reserve"><td>۲</td><td>ایده sharif</td>"#) && !page.contains("ایده razi"))

        // The winner withdrawn afterwards: the list was right, but its inputs changed.
        _ = try await flow.festivals.withdraw("third", entryId: "idea-ut", reason: "کشف سرقت ادبی", by: officer)
        let verification = try FestivalVerification.verify("third", in: flow.store)
        #expect(verification.verdict == .inputsChanged)
        #expect(verification.differingEntries == ["idea-razi", "idea-sharif", "idea-ut"])
    }

    @Test func theMinistryReadsTheRankingsAndAnnouncesFromThePage() async throws {
        let flow = try await flow()
        let accounts = try AccountStore(path: AccountStore.path(besideLog: flow.store.path), bcryptCost: 4)
        try accounts.add(Account(login: "officer", actor: officer, university: nil), password: "officer-password-1")
        try accounts.add(Account(login: "juror-yazd", actor: Actor(id: "juror-yazd", role: .juror), university: "yazd"), password: "juror-password-1")
        let server = try HadafServer(store: flow.store, model: flow.model, accounts: accounts, configuration: .init(port: 0))
        try await server.makeApplication().test(.router) { client in
            let session = try await client.signIn("officer", "officer-password-1")
            let juror = try await client.signIn("juror-yazd", "juror-password-1")
            let standings = try await client.execute(uri: "/festivals/third/standings", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { response throws in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(standings.contains("<td>۱</td><td>ایده ut</td>") && standings.contains("<td>برگزیده</td>") && standings.contains("<td>ذخیره</td>"))
            #expect(standings.contains(#"action="/forms/festivals/third/announce""#))
            try await client.execute(uri: "/festivals/third/standings", method: .get, headers: [.cookie: juror.cookie, .accept: "text/html"]) { response throws in
                #expect(response.status == .forbidden)
            }
            let headers: HTTPFields = [.cookie: session.cookie, .accept: "text/html", .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/forms/festivals/third/announce", method: .post, headers: headers, body: urlEncodedForm([("csrfToken", session.csrfToken)])) { response throws in
                #expect(response.status == .seeOther && response.headers[.location] == "/festivals/third/winners")
            }
            try await client.execute(uri: "/forms/festivals/third/announce", method: .post, headers: headers, body: urlEncodedForm([("csrfToken", session.csrfToken)])) { response throws in
                #expect(response.status == .conflict && String(buffer: response.body).contains(#"role="alert""#))
            }
        }
        #expect(try FestivalVerification.verify("third", in: flow.store).verdict == .confirmed)
    }

    @Test func anAnnouncedListThatItsInputsDoNotGiveIsReported() async throws {
        let flow = try await flow()
        var computed = FestivalSelector.select(try FestivalInputs.read("third", from: flow.store))
        // The reserve announced as the winner, and the winner as the reserve.
        let placings = computed.categories[0].placings
        let swapped = [placings[1], placings[0], placings[2]].enumerated().map { index, placing in
            FestivalPlacing(
                entryId: placing.entryId, university: placing.university, outcome: placings[index].outcome, rank: placings[index].rank,
                score: placings[index].score, median: placings[index].median, scoreCount: placing.scoreCount)
        }
        computed = FestivalSelection(ruleVersion: computed.ruleVersion, inputsHash: computed.inputsHash, categories: [CategorySelection(categoryId: "student-ideas", placings: swapped)])
        _ = try await CommandHandler<Festival>(store: flow.store, clock: flow.clock).handle(.announce(computed), on: Festival.stream("third"), by: officer)
        let verification = try FestivalVerification.verify("third", in: flow.store)
        #expect(verification.verdict == .listDiffers)
        #expect(verification.differingEntries == ["idea-sharif", "idea-ut"])
    }

    @Test func theProposalsAreTheAcceptedSubmissionsOfTheYearNotYetEntries() async throws {
        let flow = try await flow(scoring: false)
        _ = try await flow.festivals.closeCall("third", by: officer)
        let model = flow.model
        _ = try ProjectionRunner(store: flow.store, model: model, projectors: StandardProjectors.all).catchUp()
        var inputs = try FestivalInputs.read("third", from: flow.store)
        #expect(try FestivalProposal.read(for: inputs, in: model).map(\.entryId) == ["idea-ut", "idea-sharif", "idea-razi"])
        _ = try await flow.festivals.confirm("third", entries: [(.submission("idea-sharif"), "student-ideas")], by: officer)
        inputs = try FestivalInputs.read("third", from: flow.store)
        let proposals = try FestivalProposal.read(for: inputs, in: model)
        #expect(proposals.map(\.entryId) == ["idea-ut", "idea-razi"])
        #expect(proposals.allSatisfy { $0.categoryId == "student-ideas" && $0.kind == "idea" && !$0.nominated })
    }

    @Test func aMinimumOfLedgerPointsAndUniversityDeputiesProgrammes() async throws {
        let flow = try await flow(scoring: false)
        let policy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Projections/policies/1404.json")
        _ = try await IncentivePolicies(store: flow.store, clock: flow.clock).adopt(try Data(contentsOf: policy), by: officer)
        // Tehran's student gets a second accepted idea: 40 points against Sharif's 20.
        let tehran = flow.students["ut"]!
        let submissions = Submissions(store: flow.store, clock: flow.clock)
        let content = SubmissionContent.idea(IdeaContent(title: "ایده دوم", summary: "ایده‌ای دیگر", problem: "مسئله", proposal: "پیشنهاد", expectedImpact: "اثر", category: .social))
        _ = try await submissions.draft("idea-ut-2", authors: [SubmissionAuthor(kind: .participant, id: tehran, share: 100)], content: content, by: tehran)
        _ = try await submissions.submit("idea-ut-2", by: tehran)
        _ = try await submissions.screen("idea-ut-2", decision: SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil), by: flow.screener)

        func code(_ body: () async throws -> Void) async -> String? {
            do { try await body() } catch let error as DomainError { return error.code } catch { return "\(error)" }
            return nil
        }
        let programme = (title: "جشنواره تئاتر خوابگاه‌ها", summary: "سه شب اجرای نمایش دانشجویی در خوابگاه‌ها")
        _ = try await flow.festivals.nominate("third", .university("ut"), category: "deputy-programmes", programme: programme, by: Actor(id: flow.deputy, role: .universityDeputyOfficer))
        #expect(await code { _ = try await flow.festivals.nominate("third", .university("sharif"), category: "deputy-programmes", programme: programme, by: Actor(id: flow.deputy, role: .universityDeputyOfficer)) } == "actor.forbidden")
        _ = try await flow.festivals.nominate("third", .university("sharif"), category: "deputy-programmes", programme: programme, by: officer)
        #expect(await code { _ = try await flow.festivals.nominate("third", .university("ut"), category: "student-ideas", programme: programme, by: Actor(id: flow.deputy, role: .universityDeputyOfficer)) } == "festival.entry_ineligible")
        #expect(await code { _ = try await flow.festivals.nominate("third", .submission("idea-ut"), category: "deputy-programmes", by: Actor(id: flow.deputy, role: .universityDeputyOfficer)) } == "festival.entry_ineligible")
        _ = try await flow.festivals.closeCall("third", by: officer)

        // Proposals show who reaches the minimum; confirmation checks it again against the ledger.
        _ = try ProjectionRunner(store: flow.store, model: flow.model, projectors: StandardProjectors.all).catchUp()
        let proposals = try FestivalProposal.read(for: try FestivalInputs.read("third", from: flow.store), in: flow.model)
        #expect(Set(proposals.filter { $0.categoryId == "seasoned-ideas" }.map(\.entryId)) == ["idea-ut", "idea-ut-2"])
        #expect(proposals.filter { $0.categoryId == "deputy-programmes" }.map(\.entryId) == ["university-ut"])
        #expect(await code { _ = try await flow.festivals.confirm("third", entries: [(.submission("idea-sharif"), "seasoned-ideas")], by: officer) } == "festival.entry_ineligible")
        #expect(await code { _ = try await flow.festivals.confirm("third", entries: [(.university("sharif"), "deputy-programmes")], by: officer) } == "festival.entry_ineligible")
        #expect(await code { _ = try await flow.festivals.confirm("third", entries: [(.university("razi"), "deputy-programmes")], by: officer) } == "festival.entry_ineligible")
        _ = try await flow.festivals.confirm("third", entries: [(.submission("idea-ut-2"), "seasoned-ideas"), (.university("ut"), "deputy-programmes")], by: officer)
        let entry = try #require(try FestivalInputs.read("third", from: flow.store).entries["university-ut"])
        #expect(entry.kind == nil && entry.summary == programme.summary && entry.university == "ut" && entry.authors.isEmpty && entry.basis == .nominated)

        // The programme wins its category: its deputy earns the prize as `deputy:ut`, outside
        // Tehran's total, which stays the sum of its participants' points.
        for juror in ["yazd", "um", "tabrizu"] {
            _ = try await flow.festivals.appointJuror("third", jurorId: "juror-\(juror)", section: "deputies", university: juror, by: officer)
        }
        _ = try await flow.festivals.assignJurors("third", by: officer)
        for juror in ["yazd", "um", "tabrizu"] {
            _ = try await flow.festivals.score("third", entryId: "university-ut", scores: [CriterionScore(criterion: "originality", score: 8)], by: Actor(id: "juror-\(juror)", role: .juror))
        }
        let tehranBefore = try UniversitySummary.read(university: "ut", year: 1404, in: flow.model).points
        try await announce(flow)
        _ = try ProjectionRunner(store: flow.store, model: flow.model, projectors: StandardProjectors.all).catchUp()
        let prize = try ScoreLine.read(participant: "deputy:ut", year: 1404, in: flow.model)
        #expect(prize.map(\.rule) == ["festival.winner"] && prize.map(\.points) == [100])
        #expect(try UniversitySummary.read(university: "ut", year: 1404, in: flow.model).points == tehranBefore)
    }

    @Test func announcingIsAMinistryActAndNeedsAClosedCall() async throws {
        let flow = try await flow()
        let student = Actor(id: flow.students["ut"]!, role: .student)
        let request = try CommandRequest(name: "festival.announce_winners", actor: student, payload: Data(#"{"festivalId":"third"}"#.utf8), idempotencyKey: nil)
        do {
            _ = try await flow.runner.run(request)
            Issue.record("a student announced winners")
        } catch {
            #expect(error.code == "actor.forbidden")
        }
        let unknown = try CommandRequest(name: "festival.announce_winners", actor: officer, payload: Data(#"{"festivalId":"fourth"}"#.utf8), idempotencyKey: nil)
        do {
            _ = try await flow.runner.run(unknown)
            Issue.record("an unknown festival was announced")
        } catch {
            #expect(error.code == "festival.not_found")
        }
        #expect(try FestivalVerification.verify("third", in: flow.store).verdict == .notAnnounced)
    }
}
