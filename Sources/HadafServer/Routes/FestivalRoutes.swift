import EventStore
import HadafEvents
import HadafProjections
import Hummingbird
import Participation

/// The festival under `/api/v1/festivals/{id}`: what the ministry confirms and ranks from, what
/// each juror is given (blinded), the announced winners, and the verification of the list.
/// Standings, winners and verification are computed from the festival's events in the log.
struct FestivalRoutes {
    let store: EventStore
    let model: ReadModel

    func add(to router: Router<HadafRequestContext>) {
        router.get("/api/v1/festivals/:id/proposals") { _, context in
            try Self.require(try context.requireAccount(), in: [.ministryOfficer], "see a festival's proposals", "دیدن پیشنهادهای جشنواره")
            return try JSONResponse.make(try FestivalProposal.read(for: try inputs(context), in: model))
        }
        router.get("/api/v1/festivals/:id/standings") { _, context in
            try Self.require(try context.requireAccount(), in: [.ministryOfficer], "see a festival's standings", "دیدن رتبه‌بندی جشنواره")
            return try JSONResponse.make(FestivalSelector.rank(try inputs(context)))
        }
        router.get("/api/v1/festivals/:id/verification") { _, context in
            try Self.require(try context.requireAccount(), in: [.ministryOfficer, .universityDeputyOfficer], "verify a festival", "وارسی جشنواره")
            let festival = try context.parameters.require("id")
            return try JSONResponse.make(try Self.found(festival) { () throws(ProjectionError) in try FestivalVerification.verify(festival, in: store) })
        }
        router.get("/api/v1/festivals/:id/winners") { _, context in
            _ = try context.requireAccount()
            return try JSONResponse.make(FestivalWinners(try inputs(context)))
        }
        router.get("/api/v1/festivals/:id/assignments") { _, context in
            let account = try context.requireAccount()
            try Self.require(account, in: [.juror], "see jurors' assignments", "دیدن آثار سپرده به داوران")
            return try JSONResponse.make(try assignments(of: account.actor.id, festival: try context.parameters.require("id")))
        }
    }

    /// The active entries assigned to `juror`, blinded, in id order.
    private func assignments(of juror: String, festival festivalId: String) throws -> [BlindEntry] {
        let (festival, state) = try Festivals(store: store).opened(festivalId)
        let inputs = try Self.found(festivalId) { () throws(ProjectionError) in try FestivalInputs.read(festivalId, from: store) }
        let submissions = CommandHandler<Submission>(store: store)
        return try state.activeEntries.filter { state.assignments.contains(JurorAssignment(entryId: $0.entryId, jurorId: juror)) }.compactMap { entry in
            guard let category = festival.category(entry.categoryId)?.category else { return nil }
            let content = entry.kind == nil ? nil : try submissions.load(Submission.stream(entry.entryId)).state.content
            return BlindEntry(entry: entry, category: category, content: content, myScores: inputs.scores[entry.entryId]?[juror])
        }
    }

    private func inputs(_ context: HadafRequestContext) throws -> FestivalInputs {
        let festival = try context.parameters.require("id")
        return try Self.found(festival) { () throws(ProjectionError) in try FestivalInputs.read(festival, from: store) }
    }

    /// The body's result, a missing festival as a 404.
    private static func found<T>(_ festival: String, _ body: () throws(ProjectionError) -> T) throws -> T {
        do {
            return try body()
        } catch .festivalNotFound {
            throw Problem.notFound("festival '\(festival)'")
        }
    }

    private static func require(_ account: Account, in roles: Set<Actor.Role>, _ english: String, _ persian: String) throws(Problem) {
        guard roles.contains(account.actor.role) else { throw .forbidden(english, persian) }
    }
}
