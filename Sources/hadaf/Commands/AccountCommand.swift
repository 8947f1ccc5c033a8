import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafServer
import Participation

/// `hadaf account add`: an account to sign in to the server with.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Manage the server's accounts (kept in hadaf.accounts.sqlite beside the log).",
        subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; its password is generated and printed once.",
            discussion: """
                The actor id is the participant id a participant acts as (see `hadaf events`), or an \
                officer's own id. A ministry officer's account also appoints them in the log \
                (staff.appointed, by the platform), since the audit counts an officer's acts only \
                under an appointment the log shows.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The login to sign in with.")
        var login: String

        @Option(help: ArgumentHelp("The role: \(Actor.Role.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "role"))
        var role: String

        @Option(name: .customLong("actor-id"), help: "The participant or officer id the account acts as.")
        var actorId: String

        @Option(help: "The university: a deputy officer's scope, a participant's own.")
        var university: String?

        func validate() throws {
            guard Actor.Role(rawValue: role) != nil else { throw ValidationError("'\(role)' is not a role") }
        }

        func run() async throws {
            let store = try database.openStore()
            let accounts = try CommandFailure.reporting { () throws(AccountError) in try AccountStore(path: AccountStore.path(besideLog: store.path)) }
            let password = AccountStore.newPassword()
            do {
                try accounts.add(Account(login: login, actor: Actor(id: actorId, role: Actor.Role(rawValue: role)!), university: university), password: password)
            } catch {
                throw CommandFailure.exit(for: error)
            }
            if Actor.Role(rawValue: role) == .ministryOfficer {
                do {
                    let outcome = try await CommandHandler<Staff>(store: store).handle(
                        .appoint(officerId: actorId, role: .ministryOfficer), on: Staff.stream(actorId), by: Staff.platform)
                    if let result = outcome.result { print("Appointed \(actorId) as a ministry officer in the log, at position \(result.firstPosition).") }
                } catch {
                    throw CommandFailure.exit(for: error)
                }
            }
            print("Added '\(login)' (\(role)); password, shown this once: \(password)")
        }
    }
}
