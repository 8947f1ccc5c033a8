/// What kind of refusal an error is. The server's HTTP status and the CLI's exit code are
/// chosen from it by a `switch`, never guessed from the code's string: a new error declares
/// its kind where it is defined, as Hummingbird's `HTTPResponseError` carries its status.
public enum ErrorKind: Sendable, Hashable, CaseIterable {
    /// The input cannot be read at all: not JSON, a field of the wrong type (400; exit 65).
    case malformed
    /// Read, but a value breaks a rule of its own: out of range, too long, missing (422; exit 65).
    case invalid
    /// No one is signed in (401; exit 3).
    case unauthenticated
    /// The actor may not do this (403; exit 3).
    case forbidden
    /// What the request names does not exist (404; exit 66).
    case notFound
    /// The request is well formed but the state of things refuses it: a version, a deadline,
    /// something already done (409; exit 3).
    case conflict
    /// The body is larger than accepted (413; exit 65).
    case tooLarge
    /// Too many attempts; try again later (429; exit 3).
    case tooManyRequests
    /// The storage failed or is busy; nothing was changed, and the same request may succeed
    /// shortly (503 with `Retry-After`; exit 74).
    case unavailable
    /// The disk is full (507; exit 74).
    case storageFull
    /// A fault of the platform itself (500; exit 70).
    case `internal`
}
