import Foundation

/// The bytes of a page of events, gathered column by column and handed over as one `Data`
/// without a copy: each event's payload, metadata and hash are ranges of it.
///
/// `Data.append` went through its representation's bookkeeping for each of the three columns
/// of every event read: a tenth of a rebuild of the survey results, reading included. Here an
/// append is a `memcpy`, and the buffer grows as an array does.
struct PageBuffer: ~Copyable {
    private var start: UnsafeMutableRawPointer?
    private var capacity = 0
    private(set) var count = 0

    init() {}

    deinit {
        free(start)
    }

    /// Copies `bytes` to the end, returning where they are.
    mutating func append(_ bytes: UnsafeRawBufferPointer) -> Range<Int> {
        let offset = count
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return offset..<offset }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (start! + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
        return offset..<count
    }

    /// The bytes gathered, now owned by the `Data` (which frees them).
    consuming func data() -> Data {
        guard let start, count > 0 else { return Data() }
        self.start = nil
        return Data(bytesNoCopy: start, count: count, deallocator: .free)
    }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2, 4096)
        guard let grown = realloc(start, newCapacity) else { fatalError("out of memory reading a page of the log") }
        start = grown
        capacity = newCapacity
    }
}
