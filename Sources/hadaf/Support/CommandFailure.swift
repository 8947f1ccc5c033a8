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

    private static func status(of error: any CodedError) -> Status {
        switch error {
        case let error as ProjectionError:
            if case let .log(inner) = error { return status(of: inner) }
            return ["projection.unknown", "festival.not_found"].contains(error.code) ? .malformedInput : .storageFailed
        case let error as ImportError:
            if case let .store(inner) = error { return status(of: inner) }
            return error.code == "import.unreadable_input" ? .noInput : .malformedInput
        case let error as EventStoreError:
            switch error {
            case .versionConflict, .idempotencyKeyReused, .eventIdConflict: return .refused
            case .databaseNotFound, .notAnEventLog, .signingKeyMissing: return .noInput
            case .storage: return .storageFailed
            default: return .malformedInput
            }
        default:
            // Domain refusals carry the log's codes when the log refused.
            if error.code.hasPrefix("database.") { return .storageFailed }
            if ["stream.version_conflict", "command.contention", "event.id_conflict", "idempotency.key_reused"].contains(error.code) {
                return .refused
            }
            return .malformedInput
        }
    }
}

/// Unbuffered writes to the standard error stream.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
