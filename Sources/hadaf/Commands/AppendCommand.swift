import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import Participation

/// `hadaf append`: appends one event whose payload is read from stdin.
struct AppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append one event; its JSON payload is read from standard input.",
        discussion: """
            Prints the event's global position. With --expected-version the append happens only \
            if the stream is at that version ('no-stream' for a new stream); otherwise it exits 3 \
            and writes nothing. Appending again with the same --id (or --idempotency-key and the \
            same payload) writes nothing and prints the position first recorded.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The stream to append to.", valueName: "id"))
    var stream: String

    @Option(help: ArgumentHelp("The event's type name, e.g. idea.submitted.", valueName: "type"))
    var type: String

    @Option(help: ArgumentHelp("A stream version N, 'no-stream', or 'any' (default).", valueName: "N"))
    var expectedVersion: ExpectedVersionArgument = .init(.any)

    @Option(help: ArgumentHelp("The payload's schema version.", valueName: "N"))
    var schemaVersion: Int64 = 1

    @Option(help: ArgumentHelp("The event's UUID (default: a new one).", valueName: "uuid"))
    var id: String?

    @Option(help: ArgumentHelp("Who acts, recorded in the metadata (default: cli:$USER).", valueName: "id"))
    var actor: String?

    @Option(help: ArgumentHelp("The actor's role, recorded in the metadata.", valueName: "role"))
    var role: String = "operator"

    @Option(help: ArgumentHelp("Makes a retry of this same append return its first result.", valueName: "key"))
    var idempotencyKey: String?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        if let id, UUID(uuidString: id) == nil { throw ValidationError("--id must be a UUID such as 0b0e7c1e-3b9a-4a47-9a56-6d3c2b1f0a11.") }
    }

    func run() async throws {
        let payload = FileHandle.standardInput.readDataToEndOfFile()
        let metadata = EventMetadata(
            actorId: actor ?? "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown"),
            actorRole: role,
            requestId: "cli-" + UUID().lowercasedString,
            idempotencyKey: idempotencyKey,
            occurredAt: Date())
        if let refusal = CanonicalStream.refusal(of: stream) {
            throw CommandFailure.exit(for: DomainError.streamNotCanonical(stream, refusal))
        }
        let store = try database.openStore()
        let result: AppendResult
        do {
            let event = try NewEvent(
                id: id.flatMap(UUID.init(uuidString:)) ?? UUID(), type: type, schemaVersion: schemaVersion,
                payload: payload, metadata: metadata)
            result = try await store.append([event], to: stream, expectedVersion: expectedVersion.value)
        } catch {
            throw CommandFailure.exit(for: error)
        }
        if json {
            print(#"{"position":\#(result.lastPosition),"stream":"\#(stream)","streamVersion":\#(result.lastStreamVersion),"alreadyStored":\#(result.wasAlreadyStored)}"#)
        } else {
            print(result.lastPosition)
        }
    }
}

/// `--expected-version`: a number, `no-stream` or `any`.
struct ExpectedVersionArgument: ExpressibleByArgument {
    let value: ExpectedVersion

    init(_ value: ExpectedVersion) {
        self.value = value
    }

    init?(argument: String) {
        switch argument {
        case "any": value = .any
        case "no-stream": value = .noStream
        default:
            guard let version = Int64(argument), version >= 0 else { return nil }
            value = version == 0 ? .noStream : .exact(version)
        }
    }

    var defaultValueDescription: String { "any" }
}
