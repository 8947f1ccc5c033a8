import GRDB
import Foundation

/// Why the event log refused a call. A refused append writes nothing.
public enum EventStoreError: Error, Hashable, Sendable {
    /// The stream was not at the version the caller expected (optimistic concurrency).
    case versionConflict(stream: String, expected: ExpectedVersion, actual: Int64)
    /// The idempotency key was used before for an append with other content.
    case idempotencyKeyReused(key: String)
    /// An event id is already stored, but not as this same append to this same stream.
    case eventIdConflict(id: UUID)
    /// The same event id appears twice in one append.
    case duplicateEventIdInAppend(id: UUID)
    /// An append carried no events.
    case emptyAppend
    /// The events of one append carry different idempotency keys.
    case mixedIdempotencyKeys
    /// A stream id is empty, too long, or holds control characters.
    case invalidStreamId(String)
    /// An event type name is empty, too long, or holds control characters.
    case invalidEventType(String)
    /// A schema version below 1.
    case invalidSchemaVersion(Int64)
    /// A payload or metadata that is not one JSON object.
    case invalidJSON(field: String, reason: String)
    /// No database file at the path.
    case databaseNotFound(path: String)
    /// A file that SQLite opens but that holds no HADAF event log.
    case notAnEventLog(path: String)
    /// A position below 1 where one is required.
    case invalidPosition(Int64)
    /// SQLite or the disk failed; nothing of the call is known to be written.
    case storage(String)
    /// The disk is full (SQLite's `SQLITE_FULL`); nothing of the call is written.
    case storageFull
    /// The subject's key was destroyed: its personal data is erased.
    case subjectKeyDestroyed(String)
    /// The platform's signing key is not where it should be (`hadaf init` creates it).
    case signingKeyMissing(path: String)
    /// The file holds no signing key of this platform.
    case signingKeyUnreadable(path: String)
    /// A checkpoint file that is not a signed checkpoint of a HADAF log.
    case checkpointUnreadable(String)
    /// Text given as a public key that is not 32 bytes of base64 (an Ed25519 public key).
    case publicKeyInvalid(String)
}

extension EventStoreError: CodedError {
    public var code: String {
        switch self {
        case .versionConflict: "stream.version_conflict"
        case .idempotencyKeyReused: "idempotency.key_reused"
        case .eventIdConflict: "event.id_conflict"
        case .duplicateEventIdInAppend: "append.duplicate_event_id"
        case .emptyAppend: "append.empty"
        case .mixedIdempotencyKeys: "append.mixed_idempotency_keys"
        case .invalidStreamId: "stream.invalid_id"
        case .invalidEventType: "event.invalid_type"
        case .invalidSchemaVersion: "event.invalid_schema_version"
        case .invalidJSON: "event.invalid_json"
        case .databaseNotFound: "database.not_found"
        case .notAnEventLog: "database.not_an_event_log"
        case .invalidPosition: "position.invalid"
        case .storage: "database.storage"
        case .storageFull: "database.full"
        case .subjectKeyDestroyed: "subject.erased"
        case .signingKeyMissing: "key.missing"
        case .signingKeyUnreadable: "key.unreadable"
        case .checkpointUnreadable: "checkpoint.unreadable"
        case .publicKeyInvalid: "key.invalid_public_key"
        }
    }

    public var englishMessage: String {
        switch self {
        case let .versionConflict(stream, expected, actual):
            "Stream '\(stream)' was expected \(expected.englishDescription) but is at version \(actual)."
        case let .idempotencyKeyReused(key):
            "Idempotency key '\(key)' was already used for a different request."
        case let .eventIdConflict(id):
            "Event id \(id.lowercasedString) is already stored with other content or in another stream."
        case let .duplicateEventIdInAppend(id):
            "Event id \(id.lowercasedString) appears more than once in one append."
        case .emptyAppend:
            "An append must carry at least one event."
        case .mixedIdempotencyKeys:
            "The events of one append must all carry the same idempotency key."
        case let .invalidStreamId(id):
            "Stream id '\(id)' is not valid: it must be 1 to \(StreamName.maximumLength) characters with no control characters."
        case let .invalidEventType(type):
            "Event type '\(type)' is not valid: it must be 1 to \(StreamName.maximumLength) characters with no control characters."
        case let .invalidSchemaVersion(version):
            "Schema version \(version) is not valid: it must be 1 or more."
        case let .invalidJSON(field, reason):
            "The \(field) is not a JSON object: \(reason)."
        case let .databaseNotFound(path):
            "No HADAF database at '\(path)'; create one with 'hadaf init'."
        case let .notAnEventLog(path):
            "The file '\(path)' is not a HADAF event log."
        case let .invalidPosition(position):
            "Position \(position) is not valid: positions start at 1."
        case let .storage(message):
            "The database could not complete the operation: \(message)."
        case .storageFull:
            "The disk is full: nothing was recorded. Try again once the operator has freed space."
        case let .subjectKeyDestroyed(subject):
            "The personal data of '\(subject)' was erased; nothing new can be recorded for it."
        case let .signingKeyMissing(path):
            "There is no signing key at \(path); `hadaf init` creates it beside the log."
        case let .signingKeyUnreadable(path):
            "\(path) does not hold a HADAF signing key."
        case let .checkpointUnreadable(reason):
            "The checkpoint cannot be read: \(reason)."
        case let .publicKeyInvalid(key):
            "'\(key.prefix(60))' is not an Ed25519 public key (32 bytes in base64, as `hadaf keys` prints it)."
        }
    }

    public var persianMessage: String {
        switch self {
        case let .versionConflict(stream, expected, actual):
            "انتظار می‌رفت جریان «\(stream)» \(expected.persianDescription) باشد، اما در نسخه \(actual.persianDigits) است."
        case let .idempotencyKeyReused(key):
            "کلید یکتایی «\(key)» پیش‌تر برای درخواست دیگری به کار رفته است."
        case let .eventIdConflict(id):
            "شناسه رویداد \(id.lowercasedString) پیش‌تر با محتوای دیگر یا در جریان دیگری ثبت شده است."
        case let .duplicateEventIdInAppend(id):
            "شناسه رویداد \(id.lowercasedString) در یک درخواست بیش از یک بار آمده است."
        case .emptyAppend:
            "هر درخواست ثبت باید دست‌کم یک رویداد داشته باشد."
        case .mixedIdempotencyKeys:
            "همه رویدادهای یک درخواست ثبت باید کلید یکتایی یکسانی داشته باشند."
        case let .invalidStreamId(id):
            "شناسه جریان «\(id)» معتبر نیست: باید ۱ تا \(StreamName.maximumLength.persianDigits) نویسه و بدون نویسه کنترلی باشد."
        case let .invalidEventType(type):
            "نوع رویداد «\(type)» معتبر نیست: باید ۱ تا \(StreamName.maximumLength.persianDigits) نویسه و بدون نویسه کنترلی باشد."
        case let .invalidSchemaVersion(version):
            "نسخه طرح‌واره \(version.persianDigits) معتبر نیست: باید ۱ یا بیشتر باشد."
        case let .invalidJSON(field, reason):
            "\(field == "payload" ? "محتوای رویداد" : "فراداده رویداد") یک شیء JSON معتبر نیست: \(reason)."
        case let .databaseNotFound(path):
            "پایگاه داده هدف در «\(path)» نیست؛ با فرمان hadaf init آن را بسازید."
        case let .notAnEventLog(path):
            "پرونده «\(path)» دفتر رویدادهای هدف نیست."
        case let .invalidPosition(position):
            "جایگاه \(position.persianDigits) معتبر نیست: جایگاه‌ها از ۱ آغاز می‌شوند."
        case let .storage(message):
            "پایگاه داده نتوانست کار را به پایان برساند: \(message)."
        case .storageFull:
            "دیسک پر است و چیزی ثبت نشد. پس از آنکه گرداننده جا باز کرد دوباره بکوشید."
        case let .subjectKeyDestroyed(subject):
            "داده‌های شخصی «\(subject)» پاک شده است؛ چیز تازه‌ای برای آن ثبت نمی‌شود."
        case let .signingKeyMissing(path):
            "کلید امضا در \(path) نیست؛ فرمان `hadaf init` آن را کنار دفتر رویدادها می‌سازد."
        case let .signingKeyUnreadable(path):
            "در \(path) کلید امضای هدف نیست."
        case let .checkpointUnreadable(reason):
            "نقطه وارسی خوانده نمی‌شود: \(reason)."
        case let .publicKeyInvalid(key):
            "«\(key.prefix(60))» کلید عمومی Ed25519 نیست (۳۲ بایت در base64، چنان‌که `hadaf keys` چاپ می‌کند)."
        }
    }
}

extension ExpectedVersion {
    var englishDescription: String {
        switch self {
        case .any: "at any version"
        case .noStream: "not to exist yet"
        case let .exact(version): "at version \(version)"
        }
    }

    var persianDescription: String {
        switch self {
        case .any: "در هر نسخه‌ای"
        case .noStream: "هنوز وجود نداشته"
        case let .exact(version): "در نسخه \(version.persianDigits)"
        }
    }
}

extension EventStoreError {
    public var kind: ErrorKind {
        switch self {
        case .versionConflict, .idempotencyKeyReused, .eventIdConflict, .subjectKeyDestroyed: .conflict
        case .duplicateEventIdInAppend, .emptyAppend, .mixedIdempotencyKeys, .invalidStreamId, .invalidEventType, .invalidSchemaVersion, .invalidJSON,
             .invalidPosition, .checkpointUnreadable, .publicKeyInvalid:
            .malformed
        case .databaseNotFound, .notAnEventLog, .signingKeyMissing, .signingKeyUnreadable: .notFound
        case .storage: .unavailable
        case .storageFull: .storageFull
        }
    }

    /// A failure of SQLite or the disk as the log reports it: ``storageFull`` when the disk is
    /// full, ``storage(_:)`` with SQLite's text otherwise.
    public static func storage(from error: any Error) -> EventStoreError {
        if let error = error as? EventStoreError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL { return .storageFull }
        return .storage(String(describing: error))
    }
}
