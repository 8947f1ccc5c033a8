import ArgumentParser
import EventStore
import Foundation
import HadafProjections

/// Turns a refusal into one sentence on stderr and the exit code the help text documents.
enum CommandFailure {
    /// Exit codes, after BSD's sysexits where one fits.
    enum Status: Int32 {
        case verificationFailed = 1
        case refused = 3
        case malformedInput = 65
        case noInput = 66
        case software = 70
        case storageFailed = 74
    }

    /// Runs `body`; a coded error is printed as `hadaf: <sentence> [code]` and exits.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as any CodedError {
            throw exit(for: error)
        }
    }

    /// Prints `error` on stderr and returns the exit to throw.
    static func exit(for error: any CodedError) -> ExitCode {
        StandardError.write("hadaf: \(error.englishMessage) [\(error.code)]\n")
        return ExitCode(status(of: error).rawValue)
    }

    /// The exit code of each kind of refusal (see ``ErrorKind``).
    private static func status(of error: any CodedError) -> Status {
        switch error.kind {
        case .malformed, .invalid, .tooLarge: .malformedInput
        case .notFound: .noInput
        case .conflict, .forbidden, .unauthenticated, .tooManyRequests: .refused
        case .unavailable, .storageFull: .storageFailed
        case .internal: .software
        }
    }
}

/// Unbuffered writes to the standard error stream.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
