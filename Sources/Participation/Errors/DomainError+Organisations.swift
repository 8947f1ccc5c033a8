import EventStore
import Foundation
import HadafEvents

extension DomainError {
    public static func forbidden(role: Actor.Role, action: String) -> DomainError {
        DomainError(
            kind: .forbidden, code: "actor.forbidden",
            english: "A \(role.rawValue.replacingOccurrences(of: "_", with: " ")) may not \(action).",
            persian: "نقش «\(role.persianName)» اجازه این کار را ندارد.")
    }

    public static func required(field: String) -> DomainError {
        DomainError(kind: .invalid, code: "field.required", field: field, english: "'\(field)' is required.", persian: "پر کردن «\(field)» لازم است.")
    }

    public static func tooLong(field: String, maximum: Int) -> DomainError {
        DomainError(
            kind: .invalid, code: "field.too_long", field: field,
            english: "'\(field)' may have at most \(maximum) characters.",
            persian: "«\(field)» حداکثر \(Digits.persian(maximum)) نویسه می‌تواند داشته باشد.")
    }

    public static func invalidCode(_ value: String, field: String) -> DomainError {
        DomainError(
            kind: .invalid, code: "field.invalid_code", field: field,
            english: "'\(value)' is not a valid \(field): use 2 to 64 lower-case Latin letters, digits, '-' or '_'.",
            persian: "«\(value)» شناسه معتبری نیست: ۲ تا ۶۴ حرف کوچک لاتین، رقم، '-' یا '_' به کار ببرید.")
    }

    public static func staffRoleNotAppointable(_ role: Actor.Role) -> DomainError {
        DomainError(
            kind: .invalid, code: "staff.role_not_appointable", field: "role",
            english: "Only ministry officers are appointed as staff; a \(role.rawValue.replacingOccurrences(of: "_", with: " ")) is registered as a participant.",
            persian: "تنها کارشناسان وزارت به کار گمارده می‌شوند؛ «\(role.persianName)» به‌عنوان شرکت‌کننده ثبت می‌شود.")
    }

    public static func staffNotAppointed(_ officerId: String) -> DomainError {
        DomainError(
            kind: .notFound, code: "staff.not_appointed", field: "officerId",
            english: "'\(officerId)' holds no appointment to end.",
            persian: "«\(officerId)» حکم کاری ندارد که پایان یابد.")
    }

    public static let universityNotRegistered = DomainError(
        kind: .notFound, code: "university.not_registered",
        english: "The university is not registered in HADAF.",
        persian: "این دانشگاه در هدف ثبت نشده است.")

    public static func universityAlreadyRegistered(code: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "university.already_registered", field: "code",
            english: "A university with code '\(code)' is already registered, with other names.",
            persian: "دانشگاهی با کد «\(code)» با نام دیگری پیش‌تر ثبت شده است.")
    }

    public static func culturalDeputyExists(university: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "cultural_deputy.already_registered",
            english: "\(university) already has its cultural deputy; a university has one.",
            persian: "\(university) معاونت فرهنگی خود را دارد؛ هر دانشگاه یک معاونت دارد.")
    }

    public static func studentGroupNameTaken(name: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "student_group.name_taken", field: "name",
            english: "The university already has a student group named '\(name)'.",
            persian: "این دانشگاه تشکلی با نام «\(name)» دارد.")
    }

    public static func studentGroupIdTaken(groupId: String) -> DomainError {
        DomainError(
            kind: .conflict, code: "student_group.id_taken", field: "groupId",
            english: "The student group id '\(groupId)' is already in use.",
            persian: "شناسه تشکل «\(groupId)» پیش‌تر به کار رفته است.")
    }
}

extension Actor.Role {
    /// The role's Persian name, for messages.
    public var persianName: String {
        switch self {
        case .student: "دانشجو"
        case .faculty: "عضو هیأت علمی"
        case .studentGroupRepresentative: "نماینده تشکل دانشجویی"
        case .universityDeputyOfficer: "کارشناس معاونت فرهنگی دانشگاه"
        case .ministryOfficer: "کارشناس دفتر سیاست‌گذاری وزارت"
        case .juror: "داور"
        case .system: "سامانه"
        }
    }
}

extension DomainError {
    public static func studentGroupNotFound(groupId: String) -> DomainError {
        DomainError(
            kind: .notFound, code: "student_group.not_found", field: "studentGroup",
            english: "The university has no student group '\(groupId)'.",
            persian: "این دانشگاه تشکلی با شناسه «\(groupId)» ندارد.")
    }
}
