import HadafEvents

/// What one response adds to a survey's counts: for each question it answers, the values it
/// counts under (a choice, each of several choices, a number; nothing for a text, which counts
/// as answered only).
///
/// A response's tallies are kept with it in one compact text column, so that a revision can take
/// back exactly what the response it replaces added, without one row per answer.
struct ResponseTallies: Equatable {
    /// Question id → the values the response counts under, in the response's order.
    var answers: [(question: String, values: [String])]

    /// The tallies of a response's answers, which come in question-id order so that the stored
    /// text is deterministic (``SurveyResponse/answers``). A question answered with no choice at
    /// all counts as not answered.
    init(_ answers: [SurveyResponse.Answer]) {
        self.answers = answers.compactMap { answer in
            switch answer.value {
            case let .choice(choice): (answer.question, [choice])
            case let .choices(choices): choices.isEmpty ? nil : (answer.question, choices)
            case let .number(number): (answer.question, [Self.text(of: number)])
            case .text: (answer.question, [])
            }
        }
    }

    /// Reads tallies written by ``stored``; nil when the text is not such tallies.
    init?(stored: String) {
        var reader = LengthPrefixedReader(stored.utf8)
        var answers: [(question: String, values: [String])] = []
        while !reader.isAtEnd {
            guard let question = reader.field(), let count = reader.field().flatMap({ Int($0) }) else { return nil }
            var values: [String] = []
            for _ in 0..<count {
                guard let value = reader.field() else { return nil }
                values.append(value)
            }
            answers.append((question, values))
        }
        self.answers = answers
    }

    /// Each question's id, its number of values and the values, each field prefixed with its
    /// length in UTF-8 bytes: any text reads back as it was, with no separator to escape.
    var stored: String {
        var text = ""
        func append(_ field: String) {
            text += String(field.utf8.count)
            text += ":"
            text += field
        }
        for (question, values) in answers {
            append(question)
            append(String(values.count))
            values.forEach(append)
        }
        return text
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.answers.elementsEqual(rhs.answers) { $0.question == $1.question && $0.values == $1.values }
    }

    /// A number as its count's value: whole numbers without a fraction (as the scales' options
    /// are written), others in the shortest form that reads back to the same number.
    static func text(of number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// Reads the fields of a ``ResponseTallies/stored`` text one at a time.
private struct LengthPrefixedReader {
    private let bytes: String.UTF8View
    private var index: String.UTF8View.Index

    init(_ bytes: String.UTF8View) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var isAtEnd: Bool { index == bytes.endIndex }

    /// The next field, or nil when the text does not hold one.
    mutating func field() -> String? {
        guard let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")),
              let length = Int(String(decoding: bytes[index..<colon], as: UTF8.self)), length >= 0,
              let end = bytes.index(colon, offsetBy: length + 1, limitedBy: bytes.endIndex)
        else { return nil }
        index = end
        return String(decoding: bytes[bytes.index(after: colon)..<end], as: UTF8.self)
    }
}
