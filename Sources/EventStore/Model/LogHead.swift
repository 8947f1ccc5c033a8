import Foundation

/// The last event of the log: its position and chain hash, which together stand for the
/// whole log up to it.
public struct LogHead: Hashable, Sendable {
    /// The position of the last event.
    public let position: Int64
    /// The chain hash of the last event.
    public let hash: Data

    /// The hash as lower-case hexadecimal.
    public var hashHex: String { hash.hexString }
}

extension Data {
    /// The bytes as lower-case hexadecimal.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8]()
        output.reserveCapacity(count * 2)
        for byte in self {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
