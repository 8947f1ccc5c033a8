import Foundation
import HadafEvents

/// A survey (level 1, نگرش و سنجش): drafted and published by the ministry office, answered once
/// by each participant in its audience within its window. Stream: `survey-<id>`.
public enum Survey: Decider {
    public enum Command: Sendable {
        /// Defines the survey, or redefines it while it is a draft.
        case draft(surveyId: String, definition: SurveyDefinition)
        case publish
        case close
        /// The acting participant's response; their kind and university come from their
        /// registration, and for an anonymous survey their pseudonym stands for them
        /// (see ``Surveys``).
        case answer(answers: [String: SurveyAnswerValue], respondentKind: Actor.Role, university: String?, pseudonym: String? = nil)
    }

    public struct State: Sendable {
        public var surveyId: String?
        public var definition: SurveyDefinition?
        public var isPublished = false
        public var isClosed = false
        /// Respondents who have answered (pseudonyms, in an anonymous survey).
        public var respondents: Set<String> = []
    }

    public typealias Event = SurveyEvent

    public static var initialState: State { State() }

    public static func stream(_ surveyId: String) -> String { "survey-\(surveyId)" }

    static let officers: Set<Actor.Role> = [.ministryOfficer, .system]

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        let actor = context.actor
        switch command {
        case let .draft(surveyId, definition):
            guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: "define a survey") }
            guard !state.isPublished else { throw .surveyAlreadyPublished }
            try Validate.code(surveyId, field: "surveyId")
            let problems = SurveyDefinitionCheck.problems(in: definition)
            guard problems.isEmpty else { throw .surveyDefinitionInvalid(problems) }
            guard state.definition != definition else { return [] }
            return [.drafted(SurveyDrafted(surveyId: surveyId, definition: definition))]
        case .publish:
            guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: "publish a survey") }
            guard let definition = state.definition else { throw .surveyNotFound }
            guard !state.isPublished else { return [] }
            guard definition.closesAt > context.now else { throw .surveyWindowPassed }
            return [.published(SurveyPublished())]
        case .close:
            guard officers.contains(actor.role) else { throw .forbidden(role: actor.role, action: "close a survey") }
            guard state.definition != nil else { throw .surveyNotFound }
            guard state.isPublished else { throw .surveyNotPublished }
            return state.isClosed ? [] : [.closed(SurveyClosed())]
        case let .answer(answers, kind, university, pseudonym):
            guard let definition = state.definition else { throw .surveyNotFound }
            guard state.isPublished else { throw .surveyNotPublished }
            guard !state.isClosed, context.now < definition.closesAt else { throw .surveyClosed }
            guard context.now >= definition.opensAt else { throw .surveyNotOpenYet(opensAt: definition.opensAt) }
            guard definition.audience.includes(kind: kind, university: university) else { throw .surveyNotInAudience }
            guard definition.isAnonymous == (pseudonym != nil) else { throw .surveyPseudonymMismatch }
            let respondent = pseudonym ?? actor.id
            let isRevision = state.respondents.contains(respondent)
            guard !isRevision || definition.allowsEditing else { throw .surveyAlreadyAnswered }
            let problems = SurveyAnswerCheck.problems(in: answers, for: definition)
            guard problems.isEmpty else { throw .surveyAnswersInvalid(problems) }
            if let pseudonym {
                return [.answeredAnonymously(SurveyAnsweredAnonymously(
                    pseudonym: pseudonym, respondentKind: kind.rawValue, university: university, answers: answers, isRevision: isRevision))]
            }
            return [.answered(SurveyAnswered(
                respondent: respondent, respondentKind: kind.rawValue, university: university, answers: answers, isRevision: isRevision))]
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .drafted(event):
            state.surveyId = event.surveyId
            state.definition = event.definition
        case .published: state.isPublished = true
        case .closed: state.isClosed = true
        case let .answered(event): state.respondents.insert(event.respondent)
        case let .answeredAnonymously(event): state.respondents.insert(event.pseudonym)
        }
        return state
    }
}
