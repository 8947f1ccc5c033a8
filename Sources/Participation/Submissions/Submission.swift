import Foundation
import HadafEvents

/// An idea or an experience (level 3, ایده‌پردازی و تجربه‌نگاری), from draft to screening.
/// Stream: `submission-<id>`.
public enum Submission: Decider {
    public enum Command: Sendable {
        case draft(submissionId: String, authors: [SubmissionAuthor], content: SubmissionContent, submitter: ParticipantDirectory.Member)
        /// Drafts it and sends it to screening in one act (the form handler's), so that a form
        /// refused at submission leaves no draft behind.
        case draftAndSubmit(
            submissionId: String, authors: [SubmissionAuthor], content: SubmissionContent, submitter: ParticipantDirectory.Member,
            possibleDuplicates: [PossibleDuplicate])
        case revise(authors: [SubmissionAuthor], content: SubmissionContent)
        /// Sends it to screening, with the near-identical submissions found in the catalogue.
        case submit(possibleDuplicates: [PossibleDuplicate])
        case withdraw
        case screen(SubmissionScreened, screener: ParticipantDirectory.Member)
    }

    public enum Status: String, Sendable, Hashable {
        case draft, submitted, returned, accepted, rejected, withdrawn

        var english: String {
            switch self {
            case .draft: "a draft"
            case .submitted: "awaiting screening"
            case .returned: "returned for revision"
            case .accepted: "accepted for evaluation"
            case .rejected: "rejected"
            case .withdrawn: "withdrawn"
            }
        }

        var persian: String {
            switch self {
            case .draft: "پیش‌نویس"
            case .submitted: "در انتظار بررسی"
            case .returned: "بازگشت برای اصلاح"
            case .accepted: "پذیرفته برای داوری"
            case .rejected: "ردشده"
            case .withdrawn: "پس‌گرفته"
            }
        }
    }

    public struct State: Sendable {
        public var drafted: SubmissionDrafted?
        public var authors: [SubmissionAuthor] = []
        public var content: SubmissionContent?
        public var status: Status = .draft
        public var possibleDuplicates: [PossibleDuplicate] = []
    }

    public typealias Event = SubmissionEvent

    public static var initialState: State { State() }

    public static func stream(_ submissionId: String) -> String { "submission-\(submissionId)" }

    static let submitterRoles: Set<Actor.Role> = [.student, .faculty, .studentGroupRepresentative]

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        let actor = context.actor
        switch command {
        case let .draft(id, authors, content, submitter):
            guard submitterRoles.contains(submitter.actor.role) else { throw .forbidden(role: submitter.actor.role, action: "submit ideas or experiences") }
            guard state.drafted == nil else { throw .submissionIdTaken(id) }
            guard let university = submitter.university else { throw .required(field: "university") }
            try Validate.code(id, field: "submissionId")
            try SubmissionCheck.authors(authors, submitter: submitter)
            try Validate.name(content.title, field: "title")
            return [.drafted(SubmissionDrafted(submissionId: id, submitter: submitter.actor.id, university: university, authors: authors, content: content))]

        case let .draftAndSubmit(id, authors, content, submitter, possibleDuplicates):
            let drafted = try decide(.draft(submissionId: id, authors: authors, content: content, submitter: submitter), state: state, context: context)
            let draftedState = drafted.reduce(state, evolve)
            return try drafted + decide(.submit(possibleDuplicates: possibleDuplicates), state: draftedState, context: context)

        case let .revise(authors, content):
            let drafted = try own(state, actor)
            guard [.draft, .submitted, .returned].contains(state.status) else { throw .submissionStatus(state.status, action: .revise) }
            try SubmissionCheck.authors(authors, submitterId: drafted.submitter, representedGroup: drafted.authors.first { $0.kind == .studentGroup }?.id)
            try Validate.name(content.title, field: "title")
            guard authors != state.authors || content != state.content else { return [] }
            return [.revised(SubmissionRevised(authors: authors, content: content))]

        case let .submit(possibleDuplicates):
            _ = try own(state, actor)
            guard [.draft, .returned].contains(state.status) else {
                if state.status == .submitted { return [] }
                throw .submissionStatus(state.status, action: .submit)
            }
            guard let content = state.content else { throw .submissionNotFound }
            let problems = SubmissionCheck.completeness(of: content, now: context.now)
            guard problems.isEmpty else { throw .submissionIncomplete(problems) }
            return [.submitted(SubmissionSubmitted(possibleDuplicates: possibleDuplicates))]

        case .withdraw:
            _ = try own(state, actor)
            guard ![.withdrawn, .rejected].contains(state.status) else {
                if state.status == .withdrawn { return [] }
                throw .submissionStatus(state.status, action: .withdraw)
            }
            return [.withdrawn(SubmissionWithdrawn())]

        case let .screen(decision, screener):
            guard let drafted = state.drafted else { throw .submissionNotFound }
            switch screener.actor.role {
            case .ministryOfficer, .system: break
            case .universityDeputyOfficer:
                guard screener.university == drafted.university else { throw .screeningOtherUniversity }
            default: throw .forbidden(role: screener.actor.role, action: "screen submissions")
            }
            guard state.status == .submitted else { throw .submissionStatus(state.status, action: .screen) }
            try SubmissionCheck.screening(decision)
            return [.screened(decision)]
        }
    }

    /// The drafted submission, when `actor` is its submitter.
    private static func own(_ state: State, _ actor: Actor) throws(DomainError) -> SubmissionDrafted {
        guard let drafted = state.drafted else { throw .submissionNotFound }
        guard drafted.submitter == actor.id else { throw .forbidden(role: actor.role, action: "change another participant's submission") }
        return drafted
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case let .drafted(event):
            state.drafted = event
            state.authors = event.authors
            state.content = event.content
        case let .revised(event):
            state.authors = event.authors
            state.content = event.content
        case let .submitted(event):
            state.status = .submitted
            state.possibleDuplicates = event.possibleDuplicates
        case .withdrawn:
            state.status = .withdrawn
        case let .screened(event):
            state.status = switch event.decision {
            case .acceptedForEvaluation: .accepted
            case .returnedForRevision: .returned
            case .rejected: .rejected
            }
        }
        return state
    }
}
