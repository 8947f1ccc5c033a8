import ArgumentParser
import EventStore
import Foundation

/// The `--db` option every command shares, falling back to `HADAF_DB`, then ./hadaf.sqlite.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite file of the event log (default: $HADAF_DB, else ./hadaf.sqlite).",
        valueName: "path"))
    var db: String?

    /// The path in force.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["HADAF_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? EventStore.defaultPath
    }

    /// Opens the existing log, or fails with the documented exit code.
    func openStore() throws -> EventStore {
        try CommandFailure.reporting { () throws(EventStoreError) in try EventStore.open(at: path) }
    }

    /// The platform's signing key beside the log.
    func signingKey() throws -> SigningKey {
        try CommandFailure.reporting { () throws(EventStoreError) in try SigningKey(contentsOf: SigningKey.path(besideLog: path)) }
    }
}
