import EventStore
import Foundation

/// Payloads shaped like HADAF's: Persian titles and survey answers of a few hundred bytes, so
/// every measurement writes what the platform will write.
enum SampleEvents {
    static let types = ["survey.answered", "idea.submitted", "regulation.commented", "experience.submitted"]

    static func payload(_ number: Int) -> String {
        switch number % 4 {
        case 0:
            #"{"surveyId":"survey-\#(number % 40)","answers":[{"q":1,"choice":\#(number % 5)},{"q":2,"likert":\#(number % 5 + 1)},{"q":3,"text":"برگزاری کارگاه‌های بیشتر در دانشکده"}]}"#
        case 1:
            #"{"title":"ایده شماره \#(number): باشگاه کتاب‌خوانی دانشجویی","summary":"گردهمایی ماهانه برای گفت‌وگو درباره کتاب‌های فرهنگی","category":"culture","university":"ut"}"#
        case 2:
            #"{"regulationId":"reg-\#(number % 12)","article":\#(number % 30 + 1),"comment":"پیشنهاد می‌شود تبصره ۲ این ماده روشن‌تر نوشته شود."}"#
        default:
            #"{"title":"تجربه اردوی علمی \#(number)","results":"۴۰ دانشجو از سه دانشگاه شرکت کردند","evidence":["sha256:\#(String(number, radix: 16))"]}"#
        }
    }

    static func metadata(_ number: Int) -> EventMetadata {
        EventMetadata(
            actorId: "participant-\(number % 50_000)", actorRole: number % 5 == 0 ? "faculty" : "student",
            correlationId: UUID(), requestId: "req-\(number)", occurredAt: Date())
    }

    static func event(_ number: Int) throws -> NewEvent {
        try NewEvent(type: types[number % 4], payload: Data(payload(number).utf8), metadata: metadata(number))
    }

    static func stream(_ number: Int) -> String {
        "participant-\(number % 50_000)"
    }

    /// One import line (an envelope with an id, so that a re-run is idempotent), with a
    /// time-ordered id as a HADAF log's export has.
    static func importLine(_ number: Int) -> String {
        let metadata = String(decoding: metadata(number).canonicalJSON, as: UTF8.self)
        return #"{"id":"\#(UUID.timeOrdered().lowercasedString)","stream":"\#(stream(number))","type":"\#(types[number % 4])","payload":\#(payload(number)),"metadata":\#(metadata)}"#
    }
}
