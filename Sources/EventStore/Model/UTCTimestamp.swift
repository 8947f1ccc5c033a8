/// Instants as the log writes them: ISO 8601 in UTC with milliseconds,
/// `2026-11-21T08:30:00.000Z`.
///
/// Formatting and parsing are done by hand from the civil-calendar arithmetic: they run for
/// every appended and every decoded event, and a fixed format needs no general formatter.
public enum UTCTimestamp {
    /// The text for an instant given in milliseconds since 1970-01-01T00:00:00Z.
    public static func format(milliseconds: Int64) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(24)
        append(milliseconds: milliseconds, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the text for an instant to UTF-8 bytes, as canonical metadata is written.
    static func append(milliseconds: Int64, to output: inout [UInt8]) {
        let (days, millisecondOfDay) = milliseconds.floorDivided(by: 86_400_000)
        let (year, month, day) = civilDate(fromDays: days)
        let seconds = millisecondOfDay / 1000
        func digits(_ value: Int64, _ width: Int, then separator: UInt8?) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var remaining = value
            while divisor > 0 {
                output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining / divisor % 10))
                remaining %= divisor
                divisor /= 10
            }
            if let separator { output.append(separator) }
        }
        digits(year, 4, then: UInt8(ascii: "-"))
        digits(month, 2, then: UInt8(ascii: "-"))
        digits(day, 2, then: UInt8(ascii: "T"))
        digits(seconds / 3600, 2, then: UInt8(ascii: ":"))
        digits(seconds / 60 % 60, 2, then: UInt8(ascii: ":"))
        digits(seconds % 60, 2, then: UInt8(ascii: "."))
        digits(millisecondOfDay % 1000, 3, then: UInt8(ascii: "Z"))
    }

    /// Milliseconds since the epoch for `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, or nil when the text
    /// is not of that form or names no real instant. Fractions beyond milliseconds are cut.
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// The same, from UTF-8 bytes in place: a projection reads the instant of every event out of
    /// its metadata, and making a string of it first cost two allocations an event.
    static func parse(utf8 bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var millisecond: Int64 = 0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), bytes.count - 21 >= 1, bytes.count - 21 <= 9,
                  let fraction = number(20..<(bytes.count - 1)) else { return nil }
            let digits = bytes.count - 21
            millisecond = digits >= 3 ? fraction / pow10(digits - 3) : fraction * pow10(3 - digits)
        } else if bytes[19] != UInt8(ascii: "Z") {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
    }

    // MARK: - Civil calendar (proleptic Gregorian, after H. Hinnant's algorithms)

    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pow10(_ exponent: Int) -> Int64 { (0..<exponent).reduce(1) { value, _ in value * 10 } }

}

extension Int64 {
    /// Quotient and non-negative remainder, rounding the quotient down (for instants before 1970).
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}
