/// An error that a person may read: a stable code for programs, and a sentence in English and
/// in Persian for people.
///
/// Every refusal in HADAF conforms, from the event log up to the server, so that a CLI, a JSON
/// API and a Persian page can all report the same error the same way. Codes are dotted,
/// lower-case and never change once published (`stream.version_conflict`); messages may be
/// reworded.
public protocol CodedError: Error, CustomStringConvertible {
    /// A stable, machine-readable code such as `stream.version_conflict`.
    var code: String { get }
    /// One English sentence saying what went wrong and, where it helps, what to do.
    var englishMessage: String { get }
    /// The same sentence in Persian.
    var persianMessage: String { get }
    /// What kind of refusal it is, which decides the HTTP status and the exit code.
    var kind: ErrorKind { get }
}

extension CodedError {
    public var description: String { "\(code): \(englishMessage)" }
}
