import EventStore
import HadafEvents
import HadafProjections
import Participation

/// The read side the participation layer's acts need: festival selections computed from the
/// log, and ledger points and standings from the read model.
public struct LogReadSide: FestivalReadSide, AwardReadSide {
    let store: EventStore
    let model: ReadModel
    /// Brings the read model up to the log's head before points are read: for a batch (`hadaf
    /// exec`) with no live projectors. The server's live projectors keep it within a moment.
    let catchingUp: ProjectionRunner?

    public init(store: EventStore, model: ReadModel, catchingUp: ProjectionRunner? = nil) {
        self.store = store
        self.model = model
        self.catchingUp = catchingUp
    }

    public func selection(of festivalId: String) throws(DomainError) -> FestivalSelection {
        try Self.translating { () throws(ProjectionError) in FestivalSelector.select(try FestivalInputs.read(festivalId, from: store)) }
    }

    public func points(of holder: LedgerHolder, year: Int) throws(DomainError) -> Double {
        try Self.translating { () throws(ProjectionError) in
            _ = try catchingUp?.catchUp()
            return switch holder {
            case let .participant(id): try ScoreLine.read(participant: id, year: year, in: model).reduce(0) { $0 + $1.points }
            case let .studentGroup(id): try ScoreLine.read(participant: "group:\(id)", year: year, in: model).reduce(0) { $0 + $1.points }
            case let .university(code): try UniversitySummary.read(university: code, year: year, in: model).points
            }
        }
    }

    public func standing(of holder: String, year: Int) throws(DomainError) -> LedgerStanding {
        try Self.translating { () throws(ProjectionError) in
            _ = try catchingUp?.catchUp()
            return try LedgerStanding.read(holder: holder, year: year, in: model)
        }
    }

    /// The read side's errors as the participation layer reports them.
    static func translating<T>(_ body: () throws(ProjectionError) -> T) throws(DomainError) -> T {
        do {
            return try body()
        } catch .festivalNotFound {
            throw .festivalNotFound
        } catch let .log(error) {
            throw .store(error)
        } catch let .unreadableEvent(position, type) {
            throw .unreadableEvent(position: position, type: type)
        } catch {
            throw .readModelFailed(error.englishMessage)
        }
    }
}
