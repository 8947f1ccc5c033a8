import Foundation

/// Where the members of the objects and arrays being encoded keep their bytes, shared by all
/// of one value's containers so that a member costs no allocation of its own.
final class PayloadScratch {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    /// Runs `write` on the scratch bytes and returns the range it wrote.
    func append(_ write: (inout [UInt8]) throws -> Void) rethrows -> Range<Int> {
        let start = bytes.count
        try write(&bytes)
        return start..<bytes.count
    }
}

/// What one value encodes to, while its `encode(to:)` runs: nothing yet, a single value, an
/// object's members or an array's elements. A reference, because the containers a value asks
/// for write into it after the encoder that made them has been handed out.
final class PayloadValue {
    enum Content {
        case empty
        case single(Range<Int>)
        case object([(key: String, value: Member)])
        case array([Member])
    }

    /// A member's or element's value: its bytes in the scratch, or a composite value's node.
    enum Member {
        case bytes(Range<Int>)
        case nested(PayloadValue)
    }

    let scratch: PayloadScratch
    var content = Content.empty

    init(scratch: PayloadScratch) {
        self.scratch = scratch
    }

    /// `value` as a member of a container (or the whole payload): a single value's bytes in the
    /// scratch, or a composite value's node, written out when its container is.
    static func member<T: Encodable>(_ value: T, scratch: PayloadScratch) throws -> Member {
        let start = scratch.bytes.count
        if try PayloadScalar.append(value, to: &scratch.bytes) { return .bytes(start..<scratch.bytes.count) }
        let node = PayloadValue(scratch: scratch)
        try value.encode(to: PayloadValueEncoder(node: node))
        if case let .single(range) = node.content { return .bytes(range) }
        return .nested(node)
    }

    func write(into output: inout [UInt8]) {
        switch content {
        case .empty: output.append(contentsOf: "{}".utf8)
        case let .single(range): output.append(contentsOf: scratch.bytes[range])
        case let .object(members):
            output.append(UInt8(ascii: "{"))
            // A key encoded twice keeps its last value, as Foundation's dictionary of members does.
            let sorted = members.enumerated().sorted { a, b in
                a.element.key == b.element.key ? a.offset < b.offset : a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
            }
            var first = true
            for (index, member) in sorted.enumerated() {
                if index + 1 < sorted.count, sorted[index + 1].element.key == member.element.key { continue }
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                PayloadScalar.appendString(member.element.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.element.value.write(into: &output, from: scratch)
            }
            output.append(UInt8(ascii: "}"))
        case let .array(elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(into: &output, from: scratch)
            }
            output.append(UInt8(ascii: "]"))
        }
    }

    func append(_ member: Member, forKey key: String) {
        if case var .object(members) = content {
            content = .empty
            members.append((key, member))
            content = .object(members)
        } else {
            content = .object([(key, member)])
        }
    }

    func append(_ element: Member) {
        if case var .array(elements) = content {
            content = .empty
            elements.append(element)
            content = .array(elements)
        } else {
            content = .array([element])
        }
    }

    var count: Int {
        switch content {
        case .empty, .single: 0
        case let .object(members): members.count
        case let .array(elements): elements.count
        }
    }
}

extension PayloadValue.Member {
    func write(into output: inout [UInt8], from scratch: PayloadScratch) {
        switch self {
        case let .bytes(range): output.append(contentsOf: scratch.bytes[range])
        case let .nested(node): node.write(into: &output)
        }
    }
}
