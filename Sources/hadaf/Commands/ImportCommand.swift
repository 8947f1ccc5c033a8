import ArgumentParser
import EventStore
import Foundation
import HadafEvents

/// `hadaf import`: appends many envelopes from a JSON Lines file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append many events from a JSON Lines file ('-' reads standard input).",
        discussion: """
            One JSON object a line: "stream", "type", "payload" (an object), and optionally "id" \
            (a UUID), "schemaVersion" (default 1) and "metadata" (an object). Each event goes to \
            the end of its stream. Lines are committed in large batches. Safe to run again: a line \
            whose id is stored is skipped (a line without "id" gets one derived from its line \
            number and text). A malformed line stops the import, naming the line; nothing of its \
            batch is written, and earlier batches stay.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The JSON Lines file, or '-' for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Lines per transaction.", valueName: "count"))
    var batchSize = 20_000

    func validate() throws {
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be 1 or more.") }
    }

    func run() async throws {
        let input: FileHandle
        if file == "-" {
            input = FileHandle.standardInput
        } else {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                StandardError.write("hadaf: The file '\(file)' cannot be opened for reading. [import.unreadable_input]\n")
                throw ExitCode(CommandFailure.Status.noInput.rawValue)
            }
            input = handle
        }
        let store = try database.openStore()
        let importer = EnvelopeImporter(store: store, batchSize: batchSize, refusesStream: CanonicalStream.refusal(of:))
        let started = ContinuousClock.now
        var lastReport = started
        let totals: EnvelopeImporter.Progress
        do {
            totals = try await importer.run(reading: { try input.read(upToCount: 4 << 20) ?? Data() }) { progress in
                let now = ContinuousClock.now
                guard now - lastReport >= .seconds(2) else { return }
                lastReport = now
                // Lines are read a batch ahead of the commits, so the committed counts trail them.
                StandardError.write("read \(progress.lines) lines; committed so far: \(progress.appended) appended, \(progress.skipped) skipped (\(Self.rate(progress.lines, since: started)) lines/s)\n")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
        for refusal in totals.firstRefusals {
            StandardError.write("hadaf: line \(refusal.line) refused: \(refusal.error.englishMessage) [\(refusal.error.code)]\n")
        }
        print("\(totals.appended) appended, \(totals.skipped) skipped (already stored), \(totals.refused) refused, from \(totals.lines) lines in \(String(format: "%.2f", Self.seconds(since: started))) s.")
        if totals.refused > 0 { throw ExitCode(CommandFailure.Status.refused.rawValue) }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static func rate(_ count: Int, since start: ContinuousClock.Instant) -> Int {
        let seconds = seconds(since: start)
        return seconds > 0 ? Int(Double(count) / seconds) : 0
    }
}
