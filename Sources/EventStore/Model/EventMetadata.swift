import Foundation

/// Who did what, when, and as part of which request: the metadata every event carries.
///
/// The log stores metadata as a JSON object with sorted keys and no white space (its canonical
/// form, which the hash chain covers). Absent fields are left out. Decoding ignores keys it does
/// not know, so envelopes imported from elsewhere keep whatever else they carry.
public struct EventMetadata: Sendable, Hashable {
    /// The participant or operator who acted.
    public var actorId: String?
    /// The actor's role when acting, e.g. `student` or `ministry_officer`.
    public var actorRole: String?
    /// Groups every event that one user action caused, across streams.
    public var correlationId: UUID?
    /// The event or command that directly caused this one.
    public var causationId: UUID?
    /// The HTTP or CLI request that carried the command.
    public var requestId: String?
    /// The command's idempotency key, when it had one.
    public var idempotencyKey: String?
    /// When the act occurred, in milliseconds since the epoch (UTC). This may differ from when
    /// the log recorded it: an import or an offline form records an earlier act.
    public var occurredAtMilliseconds: Int64?

    public init(
        actorId: String? = nil,
        actorRole: String? = nil,
        correlationId: UUID? = nil,
        causationId: UUID? = nil,
        requestId: String? = nil,
        idempotencyKey: String? = nil,
        occurredAt: Date? = nil
    ) {
        self.actorId = actorId
        self.actorRole = actorRole
        self.correlationId = correlationId
        self.causationId = causationId
        self.requestId = requestId
        self.idempotencyKey = idempotencyKey
        self.occurredAtMilliseconds = occurredAt.map { Int64(($0.timeIntervalSince1970 * 1000).rounded(.down)) }
    }

    /// When the act occurred.
    public var occurredAt: Date? {
        occurredAtMilliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    // MARK: - Canonical JSON

    /// The canonical JSON text: keys in byte order, no white space, absent fields left out.
    /// Written straight into bytes: it is built for every appended event.
    public var canonicalJSON: Data {
        var output: [UInt8] = [UInt8(ascii: "{")]
        output.reserveCapacity(256)
        func field(_ key: StaticString, _ write: (inout [UInt8]) -> Void) {
            if output.count > 1 { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            write(&output)
        }
        if let actorId { field("actorId") { JSONStringWriter.append(actorId, to: &$0) } }
        if let actorRole { field("actorRole") { JSONStringWriter.append(actorRole, to: &$0) } }
        if let causationId { field("causationId") { JSONStringWriter.append(causationId.lowercasedString, to: &$0) } }
        if let correlationId { field("correlationId") { JSONStringWriter.append(correlationId.lowercasedString, to: &$0) } }
        if let idempotencyKey { field("idempotencyKey") { JSONStringWriter.append(idempotencyKey, to: &$0) } }
        if let occurredAtMilliseconds {
            field("occurredAt") { output in
                output.append(UInt8(ascii: "\""))
                UTCTimestamp.append(milliseconds: occurredAtMilliseconds, to: &output)
                output.append(UInt8(ascii: "\""))
            }
        }
        if let requestId { field("requestId") { JSONStringWriter.append(requestId, to: &$0) } }
        output.append(UInt8(ascii: "}"))
        return Data(output)
    }

    /// Decodes metadata JSON; each known field must be a string (or null) of the right form.
    public init(json: Data) throws(EventStoreError) {
        self.init()
        var problem: String?
        json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var scanner = JSONScanner(bytes)
            do throws(JSONScanner.SyntaxError) {
                try scanner.scanObjectDocument { key, kind, range throws(JSONScanner.SyntaxError) in
                    guard problem == nil, kind != .literal || bytes[range.lowerBound] != UInt8(ascii: "n") else { return }
                    guard kind == .string else {
                        if Self.knownKeys.contains(key) { problem = "'\(key)' must be a string" }
                        return
                    }
                    let value = JSONScanner.decodeString(bytes, range)
                    problem = self.assign(value, to: key)
                }
            } catch {
                problem = "\(error.reason) at byte \(error.offset)"
            }
        }
        if let problem { throw .invalidJSON(field: "metadata", reason: problem) }
    }

    private static let knownKeys: Set<String> = [
        "actorId", "actorRole", "causationId", "correlationId", "idempotencyKey", "occurredAt", "requestId",
    ]

    /// Sets the field named `key`; returns a problem when the value has the wrong form.
    private mutating func assign(_ value: String, to key: String) -> String? {
        switch key {
        case "actorId": actorId = value
        case "actorRole": actorRole = value
        case "requestId": requestId = value
        case "idempotencyKey": idempotencyKey = value
        case "correlationId", "causationId":
            guard let uuid = UUID(uuidString: value) else { return "'\(key)' must be a UUID" }
            if key == "correlationId" { correlationId = uuid } else { causationId = uuid }
        case "occurredAt":
            guard let milliseconds = UTCTimestamp.parse(value) else {
                return "'occurredAt' must be an ISO 8601 UTC instant such as 2026-11-21T08:30:00.000Z"
            }
            occurredAtMilliseconds = milliseconds
        default: break
        }
        return nil
    }
}
