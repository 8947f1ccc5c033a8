import HadafEvents
import EventStore

/// Why an account could not be added or read.
public enum AccountError: CodedError, Hashable {
    case loginInvalid
    case loginTaken(String)
    case passwordTooShort
    case unknownLogin(String)
    case storage(String)
    case tooManyTokens(limit: Int)

    public var kind: ErrorKind {
        switch self {
        case .loginInvalid, .passwordTooShort: .invalid
        case .loginTaken: .conflict
        case .unknownLogin: .notFound
        case .storage: .unavailable
        case .tooManyTokens: .conflict
        }
    }

    public var code: String {
        switch self {
        case .loginInvalid: "account.login_invalid"
        case .loginTaken: "account.login_taken"
        case .passwordTooShort: "account.password_too_short"
        case .unknownLogin: "account.unknown_login"
        case .storage: "account.storage"
        case .tooManyTokens: "account.too_many_tokens"
        }
    }

    public var englishMessage: String {
        switch self {
        case .loginInvalid: "A login must have between 1 and 100 characters."
        case let .loginTaken(login): "The login '\(login)' is taken."
        case .passwordTooShort: "A password must have at least 10 characters."
        case let .unknownLogin(login): "There is no account '\(login)'."
        case let .storage(reason): "The account file could not be used: \(reason)."
        case let .tooManyTokens(limit): "An account holds at most \(limit) API tokens; revoke one first (DELETE /api/v1/tokens/{id})."
        }
    }

    public var persianMessage: String {
        switch self {
        case .loginInvalid: "نام کاربری باید ۱ تا ۱۰۰ نویسه داشته باشد."
        case let .loginTaken(login): "نام کاربری «\(login)» پیش‌تر گرفته شده است."
        case .passwordTooShort: "گذرواژه باید دست‌کم ۱۰ نویسه داشته باشد."
        case let .unknownLogin(login): "حسابی با نام «\(login)» نیست."
        case let .storage(reason): "پرونده حساب‌ها به کار نیامد: \(reason)."
        case let .tooManyTokens(limit): "هر حساب حداکثر \(Digits.persian(limit)) توکن API دارد؛ نخست یکی را لغو کنید."
        }
    }
}
