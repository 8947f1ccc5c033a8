import Foundation

/// Runs an executable that this package builds (the `hadaf` CLI, the crash writer) as a child
/// process, as a user or a supervisor would.
public enum ProductProcess {
    /// What a finished process printed and how it exited.
    public struct Outcome: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

    /// The folder that holds the package's built products (beside the test bundle).
    public static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("no .xctest bundle found")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    /// A process for the product `name`, not yet started.
    public static func make(_ name: String, arguments: [String], environment: [String: String] = [:]) -> Process {
        make(executable: productsDirectory.appendingPathComponent(name), arguments: arguments, environment: environment)
    }

    /// Runs the product `name` to its end with `input` on its standard input.
    public static func run(
        _ name: String, _ arguments: [String], input: String = "", environment: [String: String] = [:]
    ) throws -> Outcome {
        try run(make(name, arguments: arguments, environment: environment), input: input)
    }

    /// Runs any executable to its end, in `directory` when given.
    public static func run(executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = make(executable: executable, arguments: arguments, environment: [:])
        process.currentDirectoryURL = directory
        return try run(process, input: "")
    }

    private static func make(executable: URL, arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "HADAF_DB")
        merged.merge(environment) { _, new in new }
        process.environment = merged
        return process
    }

    private static func run(_ process: Process, input: String) throws -> Outcome {
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the child runs, so a large output cannot fill a pipe and stall it.
        let output = Collector(stdout.fileHandleForReading)
        let errors = Collector(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardOutput: output.text(), standardError: errors.text())
    }

    /// Reads a pipe to its end on a background thread.
    private final class Collector: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
