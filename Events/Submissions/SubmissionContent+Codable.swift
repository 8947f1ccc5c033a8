/// Content is one JSON object with one key, `idea` or `experience`, holding its fields.
extension SubmissionContent {
    private enum Key: String, CodingKey {
        case idea, experience
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "content has exactly one of idea, experience"))
        }
        switch key {
        case .idea: self = .idea(try container.decode(IdeaContent.self, forKey: key))
        case .experience: self = .experience(try container.decode(ExperienceContent.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case let .idea(idea): try container.encode(idea, forKey: .idea)
        case let .experience(experience): try container.encode(experience, forKey: .experience)
        }
    }
}
