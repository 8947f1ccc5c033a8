import EventStore
import Foundation
import HadafTestSupport

/// A store on a real SQLite file in its own temporary directory, for one test.
struct TestStore {
    let directory: TemporaryDirectory
    let store: EventStore

    var path: String { store.path }

    init() throws {
        directory = try TemporaryDirectory()
        store = try EventStore.create(at: directory.path("hadaf.sqlite"))
    }
}

/// An event with a small JSON payload, for tests that care about where events go rather than
/// what they say.
func sampleEvent(_ number: Int = 0, type: String = "test.happened", id: UUID = UUID(), metadata: EventMetadata = EventMetadata()) throws -> NewEvent {
    try NewEvent(id: id, type: type, payload: Data(#"{"n":\#(number)}"#.utf8), metadata: metadata)
}
