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
            return try JSONResponse.make(try JurorAssignments(store: store).entries(of: account.actor.id, festival: try context.parameters.require("id")).entries)
        }
    }

    private func inputs(_ context: HadafRequestContext) throws -> FestivalInputs {
        let festival = try context.parameters.require("id")
        return try Self.found(festival) { () throws(ProjectionError) in try FestivalInputs.read(festival, from: store) }
    }

    /// The body's result, a missing festival as a 404.
    static func found<T>(_ festival: String, _ body: () throws(ProjectionError) -> T) throws -> T {
        do {
            return try body()
        } catch .festivalNotFound {
            throw Problem.notFound(.festival(festival))
        }
    }

    private static func require(_ account: Account, in roles: Set<Actor.Role>, _ english: String, _ persian: String) throws(Problem) {
        guard roles.contains(account.actor.role) else { throw .forbidden(english, persian) }
    }
}
