import Foundation

/// An event as the log holds it, with its place in the log, its stream and the hash chain.
///
/// Events read in a page share one buffer: their `payload`, `metadataJSON` and `hash` are slices
/// of it (index them from their `startIndex`, not from 0), and it lives while any of them does.
public struct RecordedEvent: Sendable, Hashable {
    /// The global position: gapless, starting at 1, in commit order.
    public let position: Int64
    /// The event's unique id.
    public let id: UUID
    /// The stream the event belongs to.
    public let stream: String
    /// The event's version within its stream, starting at 1.
    public let streamVersion: Int64
    /// The stable type name.
    public let type: String
    /// The payload's schema version.
    public let schemaVersion: Int64
    /// The payload as stored: UTF-8 JSON text of one object.
    public let payload: Data
    /// The metadata as stored: UTF-8 JSON text of one object.
    public let metadataJSON: Data
    /// When the log recorded the event, in milliseconds since 1970-01-01T00:00:00Z.
    public let recordedAtMilliseconds: Int64
    /// SHA-256 of the previous event's hash followed by this event's canonical bytes.
    public let hash: Data

    /// An event as read from the log; readers get these from the store, and tests of code that
    /// consumes events may build them directly.
    public init(
        position: Int64, id: UUID, stream: String, streamVersion: Int64, type: String, schemaVersion: Int64,
        payload: Data, metadataJSON: Data, recordedAtMilliseconds: Int64, hash: Data
    ) {
        self.position = position
        self.id = id
        self.stream = stream
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadataJSON = metadataJSON
        self.recordedAtMilliseconds = recordedAtMilliseconds
        self.hash = hash
    }

    /// When the log recorded the event.
    public var recordedAt: Date { Date(timeIntervalSince1970: Double(recordedAtMilliseconds) / 1000) }

    /// When the act happened: the metadata's `occurredAt`, else when the log recorded it. This is
    /// the one date of an act, everywhere a person sees one (the dashboard, `hadaf scores`,
    /// `hadaf explain`) and wherever an act is put in an academic year: an act imported later is
    /// shown on its own day, in the year it counts in.
    public var actedAtMilliseconds: Int64 { occurredAtMilliseconds ?? recordedAtMilliseconds }

    /// ``actedAtMilliseconds`` as a date.
    public var actedAt: Date { Date(timeIntervalSince1970: Double(actedAtMilliseconds) / 1000) }

    /// When the act happened, by the metadata's `occurredAt`, in milliseconds since 1970; nil
    /// when the metadata has none (or it is malformed). Reads that one field only: projections
    /// ask it of every event.
    public var occurredAtMilliseconds: Int64? {
        metadataJSON.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int64? in
            var scanner = JSONScanner(bytes)
            var found: Int64?
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "{") else { return nil }
            try? scanner.walkObject { scanner, key throws(JSONScanner.SyntaxError) in
                let value = try scanner.scanValue()
                guard found == nil, value.kind == .string, JSONScanner.isKey(bytes, key, "occurredAt") else { return }
                // Between the quotes; a timestamp written with escapes is decoded first.
                let text = UnsafeRawBufferPointer(rebasing: bytes[(value.range.lowerBound + 1)..<(value.range.upperBound - 1)])
                found = text.contains(UInt8(ascii: "\\"))
                    ? UTCTimestamp.parse(JSONScanner.decodeString(bytes, value.range)) : UTCTimestamp.parse(utf8: text)
            }
            return found
        }
    }

    /// Who acted, by the metadata's `actorId` and `actorRole` (nil where absent or not text).
    /// Reads those two fields only: the audit asks it of every award event.
    public var actor: (id: String?, role: String?) {
        metadataJSON.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> (String?, String?) in
            var scanner = JSONScanner(bytes)
            var id: String?
            var role: String?
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: "{") else { return (nil, nil) }
            try? scanner.walkObject { scanner, key throws(JSONScanner.SyntaxError) in
                let value = try scanner.scanValue()
                guard value.kind == .string else { return }
                if id == nil, JSONScanner.isKey(bytes, key, "actorId") {
                    id = JSONScanner.decodeString(bytes, value.range)
                } else if role == nil, JSONScanner.isKey(bytes, key, "actorRole") {
                    role = JSONScanner.decodeString(bytes, value.range)
                }
            }
            return (id, role)
        }
    }

    /// The metadata decoded into its known fields; unknown keys are ignored.
    public func metadata() throws(EventStoreError) -> EventMetadata {
        try EventMetadata(json: metadataJSON)
    }
}
