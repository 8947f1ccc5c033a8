import Foundation

/// Collects output lines and writes them to stdout in large blocks: printing a million events
/// one `print` at a time would cost more than reading them.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private let flushThreshold = 1 << 20

    mutating func writeLine(_ line: String) {
        bytes.append(contentsOf: line.utf8)
        bytes.append(0x0A)
        if bytes.count >= flushThreshold { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
