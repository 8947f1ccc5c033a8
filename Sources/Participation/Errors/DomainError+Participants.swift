import EventStore
extension DomainError {
    public static func invalidEmail(_ email: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "email.invalid", field: "email",
            english: "'\(email)' is not an email address.",
            persian: "«\(email)» نشانی رایانامه نیست.")
    }

    public static let participantAlreadyRegistered = DomainError(
        kind: .conflict, code: "participant.already_registered", field: "nationalCode",
        english: "Someone with this national code is already registered.",
        persian: "فردی با این کد ملی پیش‌تر ثبت‌نام کرده است.")

    public static let participantNotRegistered = DomainError(
        kind: .notFound, code: "participant.not_registered",
        english: "No participant is registered under this id.",
        persian: "شرکت‌کننده‌ای با این شناسه ثبت نشده است.")

    public static let participantErased = DomainError(
        kind: .conflict, code: "participant.erased",
        english: "This participant's personal data was erased at their request; nothing new can be recorded for them.",
        persian: "داده‌های شخصی این شرکت‌کننده به درخواست خودش پاک شده است؛ چیز تازه‌ای برای او ثبت نمی‌شود.")
}
