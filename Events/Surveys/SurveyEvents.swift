import EventStore

/// A survey's definition, first or revised (before it is published). Stream: `survey-<id>`.
public struct SurveyDrafted: DomainEvent {
    public static let eventType = "survey.drafted"
    public let surveyId: String
    public let definition: SurveyDefinition

    public init(surveyId: String, definition: SurveyDefinition) {
        self.surveyId = surveyId
        self.definition = definition
    }
}

/// The survey is open to its audience within its window.
public struct SurveyPublished: DomainEvent {
    public static let eventType = "survey.published"
    public init() {}
}

/// The survey takes no more answers (before its closing time, or to record that it ended).
public struct SurveyClosed: DomainEvent {
    public static let eventType = "survey.closed"
    public init() {}
}

/// A participant's response, or its revision (when the survey allows editing): the full set of
/// answers, keyed by question id. It replaces any earlier response of the same respondent.
public struct SurveyAnswered: DomainEvent {
    public static let eventType = "survey.answered"
    public let respondent: String
    /// The respondent's kind and university when answering, for results by university.
    public let respondentKind: String
    public let university: String?
    public let answers: [String: SurveyAnswerValue]
    /// True for a revision of an earlier response.
    public let isRevision: Bool

    public init(respondent: String, respondentKind: String, university: String?, answers: [String: SurveyAnswerValue], isRevision: Bool) {
        self.respondent = respondent
        self.respondentKind = respondentKind
        self.university = university
        self.answers = answers
        self.isRevision = isRevision
    }
}

/// A response to an anonymous survey: under a per-survey pseudonym, never the participant.
/// The kind and university stay, for results by university.
public struct SurveyAnsweredAnonymously: DomainEvent {
    public static let eventType = "survey.answered_anonymously"
    public let pseudonym: String
    public let respondentKind: String
    public let university: String?
    public let answers: [String: SurveyAnswerValue]
    public let isRevision: Bool

    public init(pseudonym: String, respondentKind: String, university: String?, answers: [String: SurveyAnswerValue], isRevision: Bool) {
        self.pseudonym = pseudonym
        self.respondentKind = respondentKind
        self.university = university
        self.answers = answers
        self.isRevision = isRevision
    }
}

/// A participant took part in an anonymous survey, which earns incentives. Recorded in the
/// stream `survey-<id>-credits` when the survey closes, with every other credit, in an order
/// that links none of them to a response.
public struct SurveyParticipationCredited: DomainEvent {
    public static let eventType = "survey.participation_credited"
    public let surveyId: String
    public let participantId: String

    public init(surveyId: String, participantId: String) {
        self.surveyId = surveyId
        self.participantId = participantId
    }
}

/// The events of a survey's stream.
public enum SurveyEvent: EventFamily {
    case drafted(SurveyDrafted)
    case published(SurveyPublished)
    case closed(SurveyClosed)
    case answered(SurveyAnswered)
    case answeredAnonymously(SurveyAnsweredAnonymously)

    public var event: any DomainEvent {
        switch self {
        case let .drafted(event): event
        case let .published(event): event
        case let .closed(event): event
        case let .answered(event): event
        case let .answeredAnonymously(event): event
        }
    }

    public init?(_ recorded: RecordedEvent) throws {
        guard let event = try recorded.decode(as: SurveyAnswered.self, Self.answered)
            ?? recorded.decode(as: SurveyAnsweredAnonymously.self, Self.answeredAnonymously)
            ?? recorded.decode(as: SurveyDrafted.self, Self.drafted)
            ?? recorded.decode(as: SurveyPublished.self, Self.published)
            ?? recorded.decode(as: SurveyClosed.self, Self.closed)
        else { return nil }
        self = event
    }
}
