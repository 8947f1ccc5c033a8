import Foundation

/// A survey as a ministry officer defines it: what it asks, of whom, and when.
public struct SurveyDefinition: Codable, Hashable, Sendable {
    public var title: String
    public var description: String
    public var audience: Audience
    public var opensAt: Date
    public var closesAt: Date
    public var questions: [SurveyQuestion]
    /// Whether a respondent may change their response until the survey closes.
    public var allowsEditing: Bool
    /// Whether responses are anonymous: they carry a per-survey pseudonym instead of the
    /// participant, and the participant's credit is recorded apart, unlinkably, at closing.
    public var isAnonymous: Bool

    public init(
        title: String, description: String, audience: Audience, opensAt: Date, closesAt: Date,
        questions: [SurveyQuestion], allowsEditing: Bool, isAnonymous: Bool = false
    ) {
        self.title = title
        self.description = description
        self.audience = audience
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.questions = questions
        self.allowsEditing = allowsEditing
        self.isAnonymous = isAnonymous
    }

    private enum CodingKeys: String, CodingKey {
        case title, description, audience, opensAt, closesAt, questions, allowsEditing, isAnonymous
    }

    /// `isAnonymous` may be left out, meaning false.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        description = try container.decode(String.self, forKey: .description)
        audience = try container.decode(Audience.self, forKey: .audience)
        opensAt = try container.decode(Date.self, forKey: .opensAt)
        closesAt = try container.decode(Date.self, forKey: .closesAt)
        questions = try container.decode([SurveyQuestion].self, forKey: .questions)
        allowsEditing = try container.decode(Bool.self, forKey: .allowsEditing)
        isAnonymous = try container.decodeIfPresent(Bool.self, forKey: .isAnonymous) ?? false
    }
}

/// One question.
public struct SurveyQuestion: Codable, Hashable, Sendable {
    public var id: String
    public var text: String
    public var kind: Kind
    public var isRequired: Bool
    /// Shown (and answerable) only when an earlier question's answer is this value.
    public var showIf: Condition?

    public init(id: String, text: String, kind: Kind, isRequired: Bool = true, showIf: Condition? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.isRequired = isRequired
        self.showIf = showIf
    }

    /// The kinds of question a HADAF survey asks.
    public enum Kind: Codable, Hashable, Sendable {
        case singleChoice(options: [String])
        case multipleChoice(options: [String], minimum: Int, maximum: Int)
        /// 1 (strongly disagree) to 5 (strongly agree).
        case likert
        /// 0 to 10.
        case scale
        case number(minimum: Double?, maximum: Double?)
        /// Up to 200 characters.
        case shortText
        /// Up to 5,000 characters.
        case longText
    }

    /// `showIf`: the earlier question and the answer that shows this one.
    public struct Condition: Codable, Hashable, Sendable {
        public var questionId: String
        public var equals: SurveyAnswerValue

        public init(questionId: String, equals: SurveyAnswerValue) {
            self.questionId = questionId
            self.equals = equals
        }
    }
}

/// An answer to one question.
public enum SurveyAnswerValue: Codable, Hashable, Sendable {
    case choice(String)
    case choices([String])
    case number(Double)
    case text(String)
}
