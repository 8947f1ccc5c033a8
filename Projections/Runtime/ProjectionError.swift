import EventStore

/// Why the projection runtime could not do what it was asked.
public enum ProjectionError: Error, Hashable, Sendable {
    /// The read model's file could not be opened or written.
    case readModel(String)
    /// No projector of that name.
    case unknownProjector(String)
    /// Reading the log failed.
    case log(EventStoreError)
}

extension ProjectionError: CodedError {
    public var code: String {
        switch self {
        case .readModel: "read_model.storage"
        case .unknownProjector: "projection.unknown"
        case let .log(error): error.code
        }
    }

    public var englishMessage: String {
        switch self {
        case let .readModel(message): "The read model could not complete the operation: \(message)."
        case let .unknownProjector(name): "There is no projection named '\(name)'."
        case let .log(error): error.englishMessage
        }
    }

    public var persianMessage: String {
        switch self {
        case let .readModel(message): "پایگاه مدل‌های خواندنی نتوانست کار را به پایان برساند: \(message)."
        case let .unknownProjector(name): "نمایه‌ای با نام «\(name)» وجود ندارد."
        case let .log(error): error.persianMessage
        }
    }
}
