import HadafTestSupport
import Testing

/// Runs the built `hadaf` binary against a database in a fresh temporary directory.
struct CLI {
    let directory: TemporaryDirectory
    var database: String { directory.path("hadaf.sqlite") }

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// Runs `hadaf` with the arguments, adding `--db` for this test's database.
    @discardableResult
    func run(_ arguments: [String], input: String = "", withDatabase: Bool = true) throws -> ProductProcess.Outcome {
        try ProductProcess.run("hadaf", arguments + (withDatabase ? ["--db", database] : []), input: input)
    }

    /// Runs `hadaf` and records an issue, pointing at the caller, unless it exits 0.
    @discardableResult
    func succeed(
        _ arguments: [String], input: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ProductProcess.Outcome {
        let outcome = try run(arguments, input: input)
        #expect(outcome.status == 0, "hadaf \(arguments.joined(separator: " ")): \(outcome.standardError)", sourceLocation: sourceLocation)
        return outcome
    }
}
