import HadafEvents

/// An Iranian national code (کد ملی): ten digits whose last is a check digit.
///
/// Input may use Persian, Arabic-Indic or Latin digits, with spaces or dashes between groups;
/// white space and invisible characters (ZWNJ, no-break space, bidi marks, a tab, a line end)
/// are dropped wherever they sit, as a phone's Persian keyboard types them. A dash only
/// separates digits: a leading or trailing dash, or two in a row, is refused, so that
/// `-499370899` is not read as a code.
/// Codes are often written without their leading zeros, so eight or nine digits are padded on
/// the left. Refused: a wrong check digit, the ten codes of one repeated digit (which pass the
/// check but are never issued), and codes whose six middle digits are all zero.
public struct NationalCode: Hashable, Sendable, CustomStringConvertible {
    /// The ten Latin digits.
    public let digits: String

    /// Parses and checks a national code as typed.
    public init(_ input: String) throws(DomainError) {
        let groups = Digits.compact(input).split(separator: "-", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) else {
            throw .nationalCodeInvalid(input, reason: .notDigits)
        }
        let compact = groups.joined()
        guard (8...10).contains(compact.count) else { throw .nationalCodeInvalid(input, reason: .wrongLength) }
        let padded = String(repeating: "0", count: 10 - compact.count) + compact
        let values = padded.compactMap(\.wholeNumberValue)
        guard Set(values).count > 1 else { throw .nationalCodeInvalid(input, reason: .notIssued) }
        guard values[3...8].contains(where: { $0 != 0 }) else { throw .nationalCodeInvalid(input, reason: .notIssued) }
        let sum = (0..<9).reduce(0) { $0 + values[$1] * (10 - $1) }
        let remainder = sum % 11
        guard values[9] == (remainder < 2 ? remainder : 11 - remainder) else {
            throw .nationalCodeInvalid(input, reason: .checkDigit)
        }
        digits = padded
    }

    public var description: String { digits }
}
