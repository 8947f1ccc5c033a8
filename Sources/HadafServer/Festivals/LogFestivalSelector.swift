import EventStore
import HadafEvents
import HadafProjections
import Participation

/// The read side's festival selection, computed from the log, for announcements: what lets the
/// participation layer announce winners without depending on the projections.
public struct LogFestivalSelector: FestivalSelecting {
    let store: EventStore

    public init(store: EventStore) {
        self.store = store
    }

    public func selection(of festivalId: String) throws(DomainError) -> FestivalSelection {
        do {
            return FestivalSelector.select(try FestivalInputs.read(festivalId, from: store))
        } catch .festivalNotFound {
            throw .festivalNotFound
        } catch let .log(error) {
            throw .store(error)
        } catch let .unreadableEvent(position, type) {
            throw .unreadableEvent(position: position, type: type)
        } catch {
            throw .festivalSelectionUnavailable
        }
    }
}
