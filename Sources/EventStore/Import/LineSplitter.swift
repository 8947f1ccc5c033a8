import Foundation

/// Cuts chunks of bytes into lines, carrying a partial line over to the next chunk: how the
/// import and `hadaf exec` read JSON Lines of any length without loading the whole input.
public struct LineSplitter {
    private var carry: [UInt8] = []

    public init() {}

    /// Calls `line` for each complete line in `chunk` (without its `\n` or `\r\n`); at the end
    /// of input, also for a last line that has no newline.
    public mutating func feed(_ chunk: Data, atEnd: Bool, line: (UnsafeRawBufferPointer) -> Void) {
        chunk.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0
            while let newline = bytes[start...].firstIndex(of: 0x0A) {
                if carry.isEmpty {
                    line(Self.trimmingCarriageReturn(UnsafeRawBufferPointer(rebasing: bytes[start..<newline])))
                } else {
                    carry.append(contentsOf: bytes[start..<newline])
                    carry.withUnsafeBytes { line(Self.trimmingCarriageReturn($0)) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            carry.append(contentsOf: bytes[start...])
        }
        if atEnd, !carry.isEmpty {
            carry.withUnsafeBytes { line(Self.trimmingCarriageReturn($0)) }
            carry.removeAll()
        }
    }

    private static func trimmingCarriageReturn(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        line.last == 0x0D ? UnsafeRawBufferPointer(rebasing: line.dropLast()) : line
    }
}
