import ArgumentParser
import EventStore
import Foundation
import HadafProjections
import HadafServer
import Participation

/// `hadaf exec`: runs participation commands from a JSON Lines script.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run participation commands from a JSON Lines file ('-' reads standard input).",
        discussion: """
            One command a line: {"command": "...", "actor": {"id": "...", "role": "..."}, "payload": {...}, \
            "idempotencyKey": "...", "at": "2026-11-21T08:30:00Z"} (the last two optional). The commands \
            are the ones the server runs, through the same handlers; docs/commands.md shows each one's \
            JSON. Prints one result a line, in order: what was recorded, or the refusal with its code. \
            Exits 0 when every command succeeded and 3 when any was refused or malformed.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The JSON Lines script, or '-' for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var readModel: ReadModelOptions

    @Flag(help: "Print each result as one JSON object.")
    var json = false

    func run() async throws {
        guard let input = file == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: file) else {
            StandardError.write("hadaf: The file '\(file)' cannot be opened for reading. [import.unreadable_input]\n")
            throw ExitCode(CommandFailure.Status.noInput.rawValue)
        }
        let store = try database.openStore()
        let projections = try readModel.runner(for: store)
        let readSide = LogReadSide(store: store, model: projections.model, catchingUp: projections)
        let runner = CommandRunner(store: store, festivalReadSide: readSide, awardReadSide: readSide)
        var splitter = LineSplitter()
        var lines: [Data] = []
        var output = OutputBuffer()
        var refused = 0
        var lineNumber = 0
        while true {
            let chunk = (try? input.read(upToCount: 1 << 20)) ?? Data()
            splitter.feed(chunk, atEnd: chunk.isEmpty) { lines.append(Data($0)) }
            for line in lines {
                lineNumber += 1
                guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { continue }
                var report = await ExecReport.run(line, number: lineNumber, with: runner)
                if report.ok, report.command == "participant.erase", let participant = report.participantId {
                    // As the server does: the erased person's accounts and files go too.
                    do { try erasureSweep(for: store).sweep(participant: participant) } catch { report = report.failed(sweeping: error) }
                }
                if !report.ok { refused += 1 }
                output.writeLine(json ? report.jsonLine : report.textLine)
            }
            lines.removeAll(keepingCapacity: true)
            if chunk.isEmpty { break }
        }
        output.flush()
        if refused > 0 { throw ExitCode(CommandFailure.Status.refused.rawValue) }
    }

    /// The sweep over the accounts file and attachments beside the log.
    private func erasureSweep(for store: EventStore) throws -> ErasureSweep {
        let accounts = try AccountStore(path: AccountStore.path(besideLog: store.path))
        let attachments = try AttachmentStore(
            directory: AttachmentStore.directory(besideLog: store.path), maximumSize: HadafServer.Configuration().maximumAttachmentSize)
        return ErasureSweep(accounts: accounts, attachments: attachments)
    }
}
