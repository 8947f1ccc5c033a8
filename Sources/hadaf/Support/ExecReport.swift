import EventStore
import Foundation
import Participation

/// The result of one line of `hadaf exec`, printed as text or as JSON.
struct ExecReport: Encodable {
    struct Problem: Encodable {
        let code: String
        let field: String?
        let message: String
        let messageFa: String
        let details: [Problem]?

        init(_ error: DomainError) {
            code = error.code
            field = error.field
            message = error.englishMessage
            messageFa = error.persianMessage
            details = error.details.isEmpty ? nil : error.details.map(Problem.init)
        }
    }

    let line: Int
    let command: String?
    let ok: Bool
    let events: Int?
    let positions: [Int64]?
    let participantId: String?
    let awardId: String?
    let error: Problem?

    /// Decodes and runs one line.
    static func run(_ text: Data, number: Int, with runner: CommandRunner) async -> ExecReport {
        var name: String?
        do throws(DomainError) {
            let request = try CommandRequest.decode(text)
            name = request.name
            let result = try await runner.run(request)
            return ExecReport(
                line: number, command: name, ok: true, events: result.eventCount,
                positions: result.positions.map { [$0.lowerBound, $0.upperBound] }, participantId: result.participantId,
                awardId: result.awardId, error: nil)
        } catch {
            return ExecReport(line: number, command: name, ok: false, events: nil, positions: nil, participantId: nil, awardId: nil, error: Problem(error))
        }
    }

    /// This report, failed: the command ran, but what follows it beside the log did not.
    func failed(sweeping error: any Error) -> ExecReport {
        ExecReport(
            line: line, command: command, ok: false, events: events, positions: positions, participantId: participantId, awardId: awardId,
            error: Problem(.store(.storage("the erasure was recorded, but sweeping the accounts and files failed (run it again): \(error)"))))
    }

    var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    var textLine: String {
        let head = "line \(line)" + (command.map { " \($0)" } ?? "")
        guard let error else {
            let recorded = positions.map { $0[0] == $0[1] ? "at position \($0[0])" : "at positions \($0[0])-\($0[1])" } ?? "nothing new"
            return "\(head): ok, \(events ?? 0) event(s) \(recorded)" + (participantId.map { " (participant \($0))" } ?? "")
                + (awardId.map { " (award \($0))" } ?? "")
        }
        let details = (error.details ?? []).map { "\n    \($0.field ?? "-"): \($0.message)" }.joined()
        return "\(head): refused [\(error.code)] \(error.message)\(details)"
    }
}
