import HadafEvents
import EventStore

/// A refusal of a command: a stable code, an English and a Persian sentence, and the field it
/// concerns when there is one (so a form can show the message beside it).
///
/// Values are built through the static factories, one per kind of refusal, so that codes and
/// messages live in one place; docs/commands.md lists the codes. A refused command appends
/// nothing.
public struct DomainError: CodedError, Hashable, Sendable {
    /// What kind of refusal it is: declared by each factory, so the server's status and the
    /// CLI's exit code follow from it.
    public let kind: ErrorKind
    public let code: String
    public let englishMessage: String
    public let persianMessage: String
    /// The input field the error is about, e.g. `nationalCode`.
    public let field: String?
    /// One error per field when several fields are wrong at once (a survey response with
    /// several bad answers); empty otherwise.
    public let details: [DomainError]

    init(kind: ErrorKind, code: String, field: String? = nil, english: String, persian: String, details: [DomainError] = []) {
        self.kind = kind
        self.code = code
        self.field = field
        self.englishMessage = english
        self.persianMessage = persian
        self.details = details
    }
}

extension DomainError {
    /// Why a national code was refused.
    public enum NationalCodeProblem: Sendable {
        case notDigits, wrongLength, checkDigit, notIssued
    }

    public static func nationalCodeInvalid(_ input: String, reason: NationalCodeProblem) -> DomainError {
        let (english, persian) = switch reason {
        case .notDigits: ("must contain only digits", "باید فقط رقم داشته باشد")
        case .wrongLength: ("must have ten digits", "باید ده رقم داشته باشد")
        case .checkDigit: ("has a wrong check digit; check it for a typing mistake", "رقم کنترل آن درست نیست؛ آن را برای خطای تایپی بازبینی کنید")
        case .notIssued: ("is not a code that is ever issued", "کدی نیست که صادر شود")
        }
        return DomainError(
            kind: .invalid, code: "national_code.invalid", field: "nationalCode",
            english: "The national code '\(input)' \(english).",
            persian: "کد ملی «\(input)» \(persian).")
    }

    /// The stream changed under the command more times than the handler retries.
    public static func tooMuchContention(stream: String, attempts: Int) -> DomainError {
        DomainError(
            kind: .conflict, code: "command.contention",
            english: "'\(stream)' changed \(attempts) times while the command was being decided; try again.",
            persian: "«\(stream)» در هنگام بررسی فرمان \(Digits.persian(attempts)) بار تغییر کرد؛ دوباره تلاش کنید.")
    }

    /// The log refused the append (a storage failure, or an id or idempotency conflict).
    public static func store(_ error: EventStoreError) -> DomainError {
        DomainError(kind: error.kind, code: error.code, english: error.englishMessage, persian: error.persianMessage)
    }

    /// A stored event that does not decode: the log holds something this version cannot read.
    public static func unreadableEvent(position: Int64, type: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "event.unreadable",
            english: "The event at position \(position) (\(type)) cannot be read by this version of HADAF.",
            persian: "رویداد جایگاه \(Digits.persian(position)) (\(type)) با این نسخه هدف خوانده نمی‌شود.")
    }
}

extension DomainError {
    /// A scripted or API command that is not valid JSON of a known command's shape.
    public static func malformedCommand(_ explanation: String, field: String? = nil) -> DomainError {
        DomainError(
            kind: .malformed, code: "command.malformed", field: field,
            english: "The command is malformed: \(explanation).",
            persian: "فرمان نادرست است: \(explanation).")
    }
}
