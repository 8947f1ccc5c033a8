/// Why an import stopped. Batches committed before the stop stay committed; the batch holding
/// the bad line writes nothing.
public enum ImportError: Error, Equatable, Sendable {
    /// A line that is not a valid envelope.
    case malformedLine(line: Int, reason: String, appendedBefore: Int)
    /// Reading the input failed.
    case unreadableInput(String)
    /// The log refused the import's batch.
    case store(EventStoreError)
}

extension ImportError: CodedError {
    public var kind: ErrorKind {
        switch self {
        case .malformedLine: .malformed
        case .unreadableInput: .notFound
        case let .store(error): error.kind
        }
    }

    public var code: String {
        switch self {
        case .malformedLine: "import.malformed_line"
        case .unreadableInput: "import.unreadable_input"
        case let .store(error): error.code
        }
    }

    public var englishMessage: String {
        switch self {
        case let .malformedLine(line, reason, appended):
            "Line \(line) is not a valid envelope (\(reason)); the import stopped there, and the \(appended) events appended before its batch are kept."
        case let .unreadableInput(message):
            "The input could not be read: \(message)."
        case let .store(error):
            error.englishMessage
        }
    }

    public var persianMessage: String {
        switch self {
        case let .malformedLine(line, reason, appended):
            "سطر \(line.persianDigits) پاکت رویداد معتبری نیست (\(reason))؛ درون‌ریزی همان‌جا ایستاد و \(appended.persianDigits) رویدادِ ثبت‌شده پیش از دسته آن سطر می‌مانند."
        case let .unreadableInput(message):
            "ورودی خوانده نشد: \(message)."
        case let .store(error):
            error.persianMessage
        }
    }
}
