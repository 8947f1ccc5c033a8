import Crypto
import Foundation

/// Computes the hash chain: `hash(n) = SHA-256(hash(n-1) ‖ canonical bytes of event n)`, with
/// 32 zero bytes before the first event.
///
/// The canonical bytes of an event (layout version 1), in this order:
///
/// | field | encoding |
/// |---|---|
/// | position | 8 bytes, signed big-endian |
/// | event id | its 16 raw UUID bytes |
/// | stream id | 4-byte big-endian length, then UTF-8 bytes |
/// | stream version | 8 bytes, signed big-endian |
/// | type | 4-byte big-endian length, then UTF-8 bytes |
/// | schema version | 8 bytes, signed big-endian |
/// | payload | 4-byte big-endian length, then the stored JSON bytes |
/// | metadata | 4-byte big-endian length, then the stored JSON bytes |
/// | recorded at | 8 bytes, signed big-endian, milliseconds since the epoch |
///
/// Every field is length-prefixed or fixed-size, so no two events share canonical bytes, and
/// the bytes are exactly what the SQLite columns hold: an auditor re-verifies the chain with a
/// dozen lines of their own (README, "Verifying the chain yourself").
struct ChainHasher {
    /// The hash that stands before the first event.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// Reused between events so that hashing allocates nothing on the hot path.
    private var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(1024)
    }

    /// The hash of an event that follows `previous`, written into `output` (32 bytes).
    mutating func hash(
        previous: UnsafeRawBufferPointer,
        position: Int64,
        id: UUID,
        stream: String,
        streamVersion: Int64,
        type: String,
        schemaVersion: Int64,
        payload: UnsafeRawBufferPointer,
        metadata: UnsafeRawBufferPointer,
        recordedAt: Int64,
        into output: inout [UInt8]
    ) {
        buffer.removeAll(keepingCapacity: true)
        appendInteger(position)
        withUnsafeBytes(of: id.uuid) { buffer.append(contentsOf: $0) }
        appendLengthPrefixed(stream.utf8)
        appendInteger(streamVersion)
        appendLengthPrefixed(type.utf8)
        appendInteger(schemaVersion)
        appendLengthPrefixed(payload)
        appendLengthPrefixed(metadata)
        appendInteger(recordedAt)
        var hasher = SHA256()
        hasher.update(bufferPointer: previous)
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = hasher.finalize()
        output.removeAll(keepingCapacity: true)
        digest.withUnsafeBytes { output.append(contentsOf: $0) }
    }

    private mutating func appendInteger(_ value: Int64) {
        withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
    }

    private mutating func appendLengthPrefixed(_ bytes: some Collection<UInt8>) {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: bytes)
    }
}
