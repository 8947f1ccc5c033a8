import Foundation

extension UUID {
    /// The UUID whose 16 bytes these are; all zero when there are not exactly 16.
    init(bytes: UnsafeRawBufferPointer) {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if bytes.count == 16 {
            withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: bytes) }
        }
        self.init(uuid: uuid)
    }
}

extension UUID {
    /// The UUID in the lower-case form RFC 9562 recommends, as the log writes UUIDs in text.
    /// Formatted by hand: Foundation's `uuidString` goes through `sprintf`, which showed up in
    /// the append path's profile.
    public var lowercasedString: String {
        let digits: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { output in
                var index = 0
                for (offset, byte) in bytes.enumerated() {
                    if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                        output[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    output[index] = digits.utf8Start[Int(byte >> 4)]
                    output[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                    index += 2
                }
                return index
            }
        }
    }
}
