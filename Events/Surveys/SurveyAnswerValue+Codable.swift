/// An answer is one JSON object with one key that says its kind:
/// `{"choice":"تئاتر"}`, `{"choices":["کارگاه","اردو"]}`, `{"number":4}`, `{"text":"…"}`.
extension SurveyAnswerValue {
    private enum Key: String, CodingKey {
        case choice, choices, number, text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an answer has exactly one of choice, choices, number, text"))
        }
        switch key {
        case .choice: self = .choice(try container.decode(String.self, forKey: key))
        case .choices: self = .choices(try container.decode([String].self, forKey: key))
        case .number: self = .number(try container.decode(Double.self, forKey: key))
        case .text: self = .text(try container.decode(String.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case let .choice(value): try container.encode(value, forKey: .choice)
        case let .choices(value): try container.encode(value, forKey: .choices)
        case let .number(value): try container.encode(value, forKey: .number)
        case let .text(value): try container.encode(value, forKey: .text)
        }
    }
}
