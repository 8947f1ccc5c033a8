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

    public init(status: HTTPResponse.Status, code: String, english: String, persian: String, field: String? = nil, details: [Problem] = []) {
        self.status = status
        self.code = code
        self.englishMessage = english
        self.persianMessage = persian
        self.field = field
        self.details = details
    }

    /// A domain refusal, with the status its code calls for.
    public init(_ error: DomainError) {
        self.init(status: Self.status(forDomainCode: error.code), code: error.code, english: error.englishMessage, persian: error.persianMessage,
                  field: error.field, details: error.details.map(Problem.init))
    }

    /// The status of a domain refusal: not allowed, not found, malformed, invalid input, or a
    /// conflict with the state of things.
    static func status(forDomainCode code: String) -> HTTPResponse.Status {
        let last = code.split(separator: ".").last.map(String.init) ?? code
        switch last {
        case "forbidden", "not_in_audience", "other_university", "not_a_juror", "not_assigned": return .forbidden
        case "not_found", "idea_not_found", "not_registered": return .notFound
        case "malformed": return .badRequest
        case _ where last.contains("invalid") || [
            "required", "too_long", "misnumbered", "author_repeated", "submitter_not_author", "incomplete", "entry_ineligible",
            "not_eligible", "amount_required", "amount_not_allowed", "above_prize", "recipient_unknown", "line_unknown",
        ].contains(last):
            return .unprocessableContent
        default: return .conflict
        }
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
        Problem(status: .tooManyRequests, code: "auth.too_many_attempts",
                english: "Too many failed sign-ins; try again in \(seconds) seconds.",
                persian: "تلاش‌های ناموفق ورود بسیار شد؛ \(Digits.persian(seconds)) ثانیه دیگر دوباره بکوشید.")
    }

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

    /// Nothing is at this address.
    static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, code: "resource.not_found",
                english: "There is no \(what).", persian: "چنین چیزی نیست: \(what).")
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

    /// Anything we did not foresee: no detail reaches the client, the log has it.
    static let internalError = Problem(
        status: .internalServerError, code: "server.internal",
        english: "Something went wrong on the server; it has been logged with the request id.",
        persian: "در کارساز خطایی رخ داد؛ با شناسه درخواست ثبت شد.")
}
