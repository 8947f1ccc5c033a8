import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HadafServer
import Logging

/// `hadaf serve`: the form handler, the JSON API and the live read models over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve HADAF over HTTP: the form handler, the JSON API under /api/v1, and /health.",
        discussion: """
            Creates the log when missing. Projectors run in the same process and follow the log. \
            SIGTERM or SIGINT lets requests in flight finish, then stops. With --demo, an empty \
            database gets the demo universities, people of every role with an account each \
            (their passwords printed once), an open survey and a regulation under review.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Seed an empty database with demo data and accounts.")
    var demo = false

    @Option(name: .customLong("attachment-limit"), help: ArgumentHelp("The largest file a form may attach, in MiB.", valueName: "MiB"))
    var attachmentLimit = 10

    @Flag(help: "Send session cookies without Secure (only for a plain-HTTP host other than localhost).")
    var insecureCookies = false

    @Option(help: ArgumentHelp("The address people reach the server at, for the verification links on certificates (default: http://HOST:PORT).", valueName: "url"))
    var publicURL: String?

    /// Writes a line at once: a long-running process's output must not wait in a buffer.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func run() async throws {
        let store = try CommandFailure.reporting { () throws(EventStoreError) in try EventStore.create(at: database.path) }
        let model = try CommandFailure.reporting { () throws(ProjectionError) in
            try ReadModel(path: readModel.path ?? ReadModel.path(besideLog: store.path))
        }
        let accounts = try CommandFailure.reporting { () throws(AccountError) in try AccountStore(path: AccountStore.path(besideLog: store.path)) }
        if demo {
            let credentials: [DemoSeed.Credential]
            do { credentials = try await DemoSeed.seed(store: store, accounts: accounts) } catch let error as any CodedError { throw CommandFailure.exit(for: error) }
            if credentials.isEmpty {
                say("Accounts exist already: the demo's passwords were printed on its first run (`hadaf account add` makes another).")
            } else {
                say("Demo accounts (the passwords are shown this once):")
                for credential in credentials { say("  \(credential.login)  \(credential.password)  (\(credential.role.rawValue))") }
            }
        }
        var logger = Logger(label: "hadaf")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let server = try CommandFailure.reporting {
            try HadafServer(
                store: store, model: model, accounts: accounts,
                configuration: .init(
                    host: host, port: port, secureCookies: !insecureCookies, maximumAttachmentSize: attachmentLimit << 20, publicURL: publicURL),
                logger: logger)
        }
        say("HADAF serves http://\(host):\(port)/ (log \(store.path))")
        try await server.run()
    }
}
