import Foundation

extension UUID {
    /// A version-7 UUID (RFC 9562): 48 bits of Unix milliseconds, 12 bits of sub-millisecond
    /// time (the RFC's method 3), then 62 random bits.
    ///
    /// The log's default event id. Ids that grow with time are appended at the right edge of the
    /// `event_id` index, so a commit of many events dirties one index page instead of one page per
    /// event: with random (version-4) ids, durable appends and imports spend most of their time
    /// rewriting index pages into the WAL. Ids stay unique and unguessable.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        let microseconds = UInt64(max(0, date.timeIntervalSince1970 * 1_000_000))
        let milliseconds = microseconds / 1000
        let subMillisecond = (microseconds % 1000) * 4096 / 1000 // 12 bits
        var generator = SystemRandomNumberGenerator()
        let random: UInt64 = generator.next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * index)) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: subMillisecond >> 8) // version 7
        bytes[7] = UInt8(truncatingIfNeeded: subMillisecond)
        for index in 0..<8 { bytes[8 + index] = UInt8(truncatingIfNeeded: random >> (8 * index)) }
        bytes[8] = (bytes[8] & 0x3F) | 0x80 // RFC 9562 variant
        return bytes.withUnsafeBytes { UUID(bytes: $0) }
    }
}
