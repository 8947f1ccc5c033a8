import EventStore
import HadafEvents
import Foundation
import Hummingbird
import Participation

/// A refusal as a client receives it: an HTTP status and an RFC 9457 problem document carrying
/// the stable code, the English and Persian sentences, and the field at fault.
///
/// Every error that reaches a client passes through here (``ProblemMiddleware``); anything that
/// is not one of our coded errors becomes a 500 that says only that, with the request id.
public struct Problem: Error, Sendable, Hashable {
    public let status: HTTPResponse.Status
    public let code: String
    public let englishMessage: String
    public let persianMessage: String
    public let field: String?
    public let details: [Problem]
    /// Seconds before the same request may succeed, sent as `Retry-After` (429, 503, 507).
    public var retryAfter: Int?

    public init(status: HTTPResponse.Status, code: String, english: String, persian: String, field: String? = nil, details: [Problem] = []) {
        self.status = status
        self.code = code
        self.englishMessage = english
        self.persianMessage = persian
        self.field = field
        self.details = details
    }

    /// A domain refusal, with the status its kind calls for. A refusal from the storage keeps
    /// its code but not SQLite's text, which is for the operator's log, not for clients.
    public init(_ error: DomainError) {
        if [.unavailable, .storageFull].contains(error.kind) {
            self = Self.storage(error)
            return
        }
        self.init(status: Self.status(of: error.kind), code: error.code, english: error.englishMessage, persian: error.persianMessage,
                  field: error.field, details: error.details.map(Problem.init))
    }

    /// Any coded error of the lower layers (the log, the read models, the accounts), by its kind.
    init(coded error: any CodedError) {
        if [.unavailable, .storageFull].contains(error.kind) {
            self = Self.storage(error)
            return
        }
        self.init(status: Self.status(of: error.kind), code: error.code, english: error.englishMessage, persian: error.persianMessage)
    }

    /// The HTTP status of each kind of refusal.
    static func status(of kind: ErrorKind) -> HTTPResponse.Status {
        switch kind {
        case .malformed: .badRequest
        case .invalid: .unprocessableContent
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .tooManyRequests: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .storageFull: .hadafInsufficientStorage
        case .internal: .internalServerError
        }
    }

    /// Seconds a client waits before sending again a request the storage refused (the `Retry-After`).
    static let storageRetryAfter = 5

    /// The storage failed (503) or the disk is full (507): nothing was recorded, and the same
    /// request may be sent again. The code stays; the text is ours, without SQLite's.
    static func storage(_ error: any CodedError) -> Problem {
        var problem = error.kind == .storageFull
            ? Problem(
                status: .hadafInsufficientStorage, code: error.code,
                english: "The server's disk is full: nothing was recorded. Try again later.",
                persian: "دیسک کارساز پر است و چیزی ثبت نشد. بعداً دوباره بکوشید.")
            : Problem(
                status: .serviceUnavailable, code: error.code,
                english: "The server's storage is busy or failing: nothing was recorded. Try again in a few seconds.",
                persian: "پایگاه داده کارساز در دسترس نیست و چیزی ثبت نشد. چند ثانیه دیگر دوباره بکوشید.")
        problem.retryAfter = storageRetryAfter
        return problem
    }
}

extension Problem {
    /// The RFC 9457 document, with our members beside the standard ones.
    struct Document: Codable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let code: String
        let detailFa: String
        let field: String?
        let instance: String?
        let requestId: String?
        let errors: [Document]?
    }

    func document(instance: String?, requestId: String?) -> Document {
        Document(
            type: "https://hadaf.msrt.ir/problems/\(code)", title: status.reasonPhrase, status: status.code, detail: englishMessage, code: code,
            detailFa: persianMessage, field: field, instance: instance, requestId: requestId,
            errors: details.isEmpty ? nil : details.map { $0.document(instance: nil, requestId: nil) })
    }
}

extension Problem {
    /// No one is signed in, or the session ended.
    static let unauthenticated = Problem(
        status: .unauthorized, code: "auth.required",
        english: "Sign in first: this needs an account.", persian: "نخست وارد شوید: این کار به حساب کاربری نیاز دارد.")

    /// The login and password do not match an account.
    static let badCredentials = Problem(
        status: .unauthorized, code: "auth.bad_credentials",
        english: "The login or the password is wrong.", persian: "نام کاربری یا گذرواژه نادرست است.")

    /// Too many failed sign-ins for this login.
    static func tooManyAttempts(retryAfter seconds: Int) -> Problem {
        var problem = Problem(status: .tooManyRequests, code: "auth.too_many_attempts",
                              english: "Too many failed sign-ins; try again in \(seconds) seconds.",
                              persian: "تلاش‌های ناموفق ورود بسیار شد؛ \(Digits.persian(seconds)) ثانیه دیگر دوباره بکوشید.")
        problem.retryAfter = seconds
        return problem
    }

    /// Too many sign-ins wait for their password to be checked: the server refuses more rather
    /// than let them slow everyone (``PasswordChecker``).
    static let signInBusy: Problem = {
        var problem = Problem(
            status: .tooManyRequests, code: "auth.busy",
            english: "Too many people are signing in at this moment; try again in a few seconds.",
            persian: "هم‌اکنون شمار بسیاری در حال ورودند؛ چند ثانیه دیگر دوباره بکوشید.")
        problem.retryAfter = 2
        return problem
    }()

    /// A form without the session's CSRF token: possibly sent by another site.
    static let csrfRejected = Problem(
        status: .forbidden, code: "auth.csrf_rejected",
        english: "The form is stale or was not sent from HADAF; reload the page and send it again.",
        persian: "فرم کهنه است یا از هدف فرستاده نشده؛ صفحه را دوباره بارگذاری کنید و دوباره بفرستید.")

    /// The role may not do this, or not at this university.
    static func forbidden(_ english: String, _ persian: String) -> Problem {
        Problem(status: .forbidden, code: "auth.forbidden",
                english: "Your account may not \(english).", persian: "حساب شما اجازه \(persian) را ندارد.")
    }

    /// No API token of the signed-in account has the id a revocation names.
    static let tokenNotFound = Problem(
        status: .notFound, code: "auth.token_not_found",
        english: "None of your API tokens has this id (see GET /api/v1/tokens).", persian: "هیچ‌یک از توکن‌های API شما این شناسه را ندارد.")

    /// What a request named that is not there, named in both languages.
    enum Missing {
        case page, styleSheet
        case university(String), award(String), survey(String), festival(String), command(String), regulation(String)
        /// A submission the account may see (its own, or one awaiting its screening).
        case submission(String)

        var english: String {
            switch self {
            case .page: "page at this address"
            case .styleSheet: "style sheet"
            case let .university(id): "university '\(id)'"
            case let .award(id): "award '\(id)'"
            case let .survey(id): "survey '\(id)'"
            case let .festival(id): "festival '\(id)'"
            case let .command(id): "command '\(id)'"
            case let .regulation(id): "regulation '\(id)'"
            case let .submission(id): "submission '\(id)' for you"
            }
        }

        var persian: String {
            switch self {
            case .page: "صفحه‌ای در این نشانی"
            case .styleSheet: "شیوه‌نامه صفحه‌ها"
            case let .university(id): "دانشگاه «\(id)»"
            case let .award(id): "مشوق «\(id)»"
            case let .survey(id): "نظرسنجی «\(id)»"
            case let .festival(id): "جشنواره «\(id)»"
            case let .command(id): "فرمان «\(id)»"
            case let .regulation(id): "آیین‌نامه «\(id)»"
            case let .submission(id): "ارسال «\(id)» برای شما"
            }
        }
    }

    /// Nothing is at this address, or nothing the account may see.
    static func notFound(_ missing: Missing) -> Problem {
        Problem(status: .notFound, code: "resource.not_found",
                english: "There is no \(missing.english).", persian: "\(missing.persian) پیدا نشد.")
    }

    /// A form field missing or unreadable.
    static func malformedForm(field: String, english: String, persian: String) -> Problem {
        Problem(status: .badRequest, code: "form.malformed", english: english, persian: persian, field: field)
    }

    /// A body of a kind the route does not read.
    static func unsupportedMediaType(_ expected: String) -> Problem {
        Problem(status: .unsupportedMediaType, code: "request.media_type",
                english: "The body must be \(expected).", persian: "بدنه درخواست باید \(expected) باشد.")
    }

    /// A body over the limit.
    static let bodyTooLarge = Problem(
        status: .contentTooLarge, code: "request.too_large",
        english: "The request body is larger than the server accepts.", persian: "بدنه درخواست از اندازه‌ای که کارساز می‌پذیرد بزرگ‌تر است.")

    /// The request's handling passed its deadline.
    static func requestTimeout(_ limit: Duration) -> Problem {
        let seconds = limit.components.seconds
        return Problem(
            status: .requestTimeout, code: "request.timeout",
            english: "The request was not handled within \(seconds) seconds; send it again (a form sent twice with its key lands once).",
            persian: "درخواست در \(Digits.persian(Int(seconds))) ثانیه انجام نشد؛ دوباره بفرستید (فرمی که دو بار با یک کلید فرستاده شود یک بار ثبت می‌شود).")
    }

    /// A request without a body that the server did not answer within its deadline: its work
    /// was stopped; the same request may succeed later.
    static func deadlinePassed(_ limit: Duration) -> Problem {
        let seconds = limit.components.seconds
        var problem = Problem(
            status: .serviceUnavailable, code: "request.deadline",
            english: "The server could not answer within \(seconds) seconds and stopped trying; try again shortly.",
            persian: "کارساز در \(Digits.persian(Int(seconds))) ثانیه پاسخ نداد و کار را رها کرد؛ کمی بعد دوباره بکوشید.")
        problem.retryAfter = Problem.storageRetryAfter
        return problem
    }

    /// The client closed its connection before the answer: its work was stopped. Nobody reads
    /// this answer; it is what the request log and the metrics count.
    static let clientGone = Problem(
        status: .requestTimeout, code: "request.abandoned",
        english: "The client closed the connection before the answer; the work was stopped.",
        persian: "درخواست‌کننده پیش از پاسخ پیوند را بست و کار رها شد.")

    /// Anything we did not foresee: no detail reaches the client, the log has it.
    static let internalError = Problem(
        status: .internalServerError, code: "server.internal",
        english: "Something went wrong on the server; it has been logged with the request id.",
        persian: "در کارساز خطایی رخ داد؛ با شناسه درخواست ثبت شد.")
}

extension HTTPResponse.Status {
    /// 507 Insufficient Storage (RFC 4918), which HTTPTypes does not name.
    static let hadafInsufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
}
