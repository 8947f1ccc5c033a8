import Foundation

/// An event to append: its id, type, schema version, JSON payload and metadata.
///
/// The initialisers check that payload and metadata are JSON objects (nothing malformed reaches
/// the log) and remove the white space between tokens; strings stay exactly as typed. The log
/// stores these bytes and hashes them into the chain, so an auditor reading the SQLite file sees
/// exactly what was hashed.
public struct NewEvent: Sendable, Hashable {
    /// The event's unique id. A retry with the same ids is recognised and not stored twice.
    public let id: UUID
    /// The stable type name, e.g. `idea.submitted`.
    public let type: String
    /// The version of the payload's schema, 1 or more.
    public let schemaVersion: Int64
    /// The payload, UTF-8 JSON text of one object.
    public let payload: Data
    /// The metadata, UTF-8 JSON text of one object.
    public let metadata: Data
    /// The command's idempotency key from typed metadata; an append registers it so that a
    /// retried command returns its first result.
    let idempotencyKey: String?

    /// An event with typed metadata, encoded canonically (sorted keys, no whitespace).
    public init(
        id: UUID = .timeOrdered(),
        type: String,
        schemaVersion: Int64 = 1,
        payload: Data,
        metadata: EventMetadata = EventMetadata()
    ) throws(EventStoreError) {
        guard StreamName.isValid(type) else { throw .invalidEventType(type) }
        guard schemaVersion >= 1 else { throw .invalidSchemaVersion(schemaVersion) }
        self.init(
            unchecked: id, type: type, schemaVersion: schemaVersion,
            payload: try JSONObjectValidator.compacted(payload, field: "payload"),
            metadata: metadata.canonicalJSON, idempotencyKey: metadata.idempotencyKey)
    }

    /// An event whose metadata is already JSON, as in an import of envelopes made elsewhere.
    /// Its metadata is stored as given; an idempotency key inside it is not registered.
    public init(
        id: UUID = .timeOrdered(),
        type: String,
        schemaVersion: Int64 = 1,
        payload: Data,
        metadataJSON: Data
    ) throws(EventStoreError) {
        guard StreamName.isValid(type) else { throw .invalidEventType(type) }
        guard schemaVersion >= 1 else { throw .invalidSchemaVersion(schemaVersion) }
        self.init(
            unchecked: id, type: type, schemaVersion: schemaVersion,
            payload: try JSONObjectValidator.compacted(payload, field: "payload"),
            metadata: try JSONObjectValidator.compacted(metadataJSON, field: "metadata"), idempotencyKey: nil)
    }

    /// An event whose parts the caller has already validated (the import parser).
    init(unchecked id: UUID, type: String, schemaVersion: Int64, payload: Data, metadata: Data, idempotencyKey: String?) {
        self.id = id
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
        self.idempotencyKey = idempotencyKey
    }
}
