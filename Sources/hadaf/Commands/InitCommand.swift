import ArgumentParser
import EventStore
import Foundation
import Participation

/// `hadaf init`: creates the event log.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the event log database (a no-op on an existing log).",
        discussion: "Creates the SQLite file with its tables and append-only triggers, and the platform's Ed25519 signing key beside it (hadaf.key, readable by its owner only; `hadaf keys` prints its public half). Run it again to bring an older log's schema up to date; a file holding any other database is refused. --demo also registers the universities that HADAF's documents name, each with its cultural deputy, and appoints the demo's ministry officers (officer-1, officer-2, ministry-office) (again: nothing twice).")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Also register the demo universities and their cultural deputies.")
    var demo = false

    func run() async throws {
        let existed = FileManager.default.fileExists(atPath: database.path)
        let store = try CommandFailure.reporting { () throws(EventStoreError) in try EventStore.create(at: database.path) }
        let head = try CommandFailure.reporting { () throws(EventStoreError) in try store.head() }
        if existed {
            print("\(database.path) already holds a HADAF event log with \(head?.position ?? 0) events; its schema is up to date.")
        } else {
            print("Created the HADAF event log at \(database.path).")
        }
        let keyPath = SigningKey.path(besideLog: database.path)
        if try CommandFailure.reporting({ () throws(EventStoreError) in try SigningKey.ensure(at: keyPath) }) {
            print("Created the platform's signing key at \(keyPath); keep a copy of its public key (hadaf keys) outside the server.")
        }
        if demo {
            do {
                let appended = try await DemoUniversities.register(in: store) + DemoStaff.appoint(in: store)
                print("Demo universities: \(DemoUniversities.all.count) registered with their cultural deputies, and the demo's ministry officers appointed (\(appended) new events).")
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
    }
}
