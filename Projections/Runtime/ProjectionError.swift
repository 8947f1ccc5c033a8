import EventStore
import HadafEvents

/// Why the projection runtime could not do what it was asked.
public enum ProjectionError: Error, Hashable, Sendable {
    /// The read model's file could not be opened or written.
    case readModel(String)
    /// No projector of that name.
    case unknownProjector(String)
    /// Reading the log failed.
    case log(EventStoreError)
    /// An event this version cannot read.
    case unreadableEvent(position: Int64, type: String)
    /// A festival that is not in the log.
    case festivalNotFound(String)
}

extension ProjectionError: CodedError {
    public var kind: ErrorKind {
        switch self {
        case .readModel: .unavailable
        case .unknownProjector: .malformed
        case let .log(error): error.kind
        case .unreadableEvent: .conflict
        case .festivalNotFound: .notFound
        }
    }

    public var code: String {
        switch self {
        case .readModel: "read_model.storage"
        case .unknownProjector: "projection.unknown"
        case let .log(error): error.code
        case .unreadableEvent: "event.unreadable"
        case .festivalNotFound: "festival.not_found"
        }
    }

    public var englishMessage: String {
        switch self {
        case let .readModel(message): "The read model could not complete the operation: \(message)."
        case let .unknownProjector(name): "There is no projection named '\(name)'."
        case let .log(error): error.englishMessage
        case let .unreadableEvent(position, type): "The event at position \(position) (\(type)) cannot be read by this version of HADAF."
        case let .festivalNotFound(id): "There is no festival '\(id)'."
        }
    }

    public var persianMessage: String {
        switch self {
        case let .readModel(message): "پایگاه مدل‌های خواندنی نتوانست کار را به پایان برساند: \(message)."
        case let .unknownProjector(name): "نمایه‌ای با نام «\(name)» وجود ندارد."
        case let .log(error): error.persianMessage
        case let .unreadableEvent(position, type): "رویداد جایگاه \(Digits.persian(position)) (\(type)) با این نسخه هدف خوانده نمی‌شود."
        case let .festivalNotFound(id): "جشنواره‌ای با شناسه «\(id)» وجود ندارد."
        }
    }
}
