import ArgumentParser
import EventStore
import Foundation

/// `hadaf events`: prints events.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print events from the log, in order.",
        discussion: """
            Without --stream, prints the whole log from --from on. With --stream, prints that \
            stream's events. --json prints one JSON object a line (JSON Lines) whose keys \
            'hadaf import' reads, so an export imports into another log.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The first global position to print.", valueName: "position"))
    var from: Int64 = 1

    @Option(help: ArgumentHelp("Print only this stream's events.", valueName: "id"))
    var stream: String?

    @Option(help: ArgumentHelp("Print at most this many events.", valueName: "count"))
    var limit: Int?

    @Flag(help: "Print JSON Lines.")
    var json = false

    func validate() throws {
        guard from >= 1 else { throw ValidationError("--from must be 1 or more: positions start at 1.") }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative.") }
    }

    func run() throws {
        let store = try database.openStore()
        var output = OutputBuffer()
        defer { output.flush() }
        var remaining = limit ?? .max
        if let stream {
            let events = try CommandFailure.reporting { () throws(EventStoreError) in try store.readStream(stream) }
            for event in events.lazy.filter({ $0.position >= from }).prefix(remaining) { output.writeLine(line(for: event)) }
            return
        }
        var next = from
        while remaining > 0 {
            let page = try CommandFailure.reporting { () throws(EventStoreError) in
                try store.read(from: next, limit: min(remaining, 10_000))
            }
            guard let last = page.last else { break }
            for event in page { output.writeLine(line(for: event)) }
            remaining -= page.count
            next = last.position + 1
        }
    }

    private func line(for event: RecordedEvent) -> String {
        if json { return event.jsonLine }
        let recorded = UTCTimestamp.format(milliseconds: event.recordedAtMilliseconds)
        let payload = String(decoding: event.payload, as: UTF8.self)
        return "#\(event.position)  \(event.stream)@\(event.streamVersion)  \(event.type) v\(event.schemaVersion)  \(recorded)  \(payload)"
    }
}
