import HadafEvents

/// A whole number as a command's JSON carries it, read so that a refusal names its field.
///
/// Foundation's `JSONDecoder` refuses `1.5` or `9223372036854775808` for an `Int64` as "not
/// valid JSON", naming no field; read as a number first and checked here, the same input is
/// refused as `command.malformed` with the field (`rials`) and the range.
public struct WholeNumber: Decodable, Sendable, Hashable {
    public let value: Int64

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Double.self)
        guard number.rounded() == number, let value = Int64(exactly: number), Rials.range.contains(value) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be a whole number from 0 to \(Rials.maximum), not \(number)")
        }
        self.value = value
    }
}
