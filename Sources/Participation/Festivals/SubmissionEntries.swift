import EventStore
import Foundation
import HadafEvents

/// Makes festival entries of submissions, read from their streams: a submission accepted for
/// evaluation in the festival's academic year, of a kind and an entrant the category takes.
struct SubmissionEntries: Sendable {
    let store: EventStore
    let directory: ParticipantDirectory

    /// The entry `submissionId` would be in `categoryId`, or why it cannot enter.
    func entry(_ submissionId: String, category categoryId: String, of festival: FestivalOpened, basis: FestivalEntry.Basis) throws(DomainError) -> FestivalEntry {
        guard let category = festival.category(categoryId)?.category else { throw .festivalCategoryNotFound(categoryId) }
        let events: [RecordedEvent]
        do { events = try store.readStream(Submission.stream(submissionId)) } catch { throw .store(error) }
        var state = Submission.initialState
        var firstSubmitted: Int64?
        var acceptedYear: Int?
        for recorded in events {
            let event: SubmissionEvent?
            do { event = try SubmissionEvent(recorded) } catch { throw .unreadableEvent(position: recorded.position, type: recorded.type) }
            guard let event else { continue }
            state = Submission.evolve(state, event)
            if case .submitted = event, firstSubmitted == nil { firstSubmitted = recorded.position }
            if case let .screened(screened) = event, screened.decision == .acceptedForEvaluation {
                let milliseconds = recorded.occurredAtMilliseconds ?? recorded.recordedAtMilliseconds
                acceptedYear = AcademicYear(containing: Date(timeIntervalSince1970: Double(milliseconds) / 1000)).startYear
            }
        }
        guard let drafted = state.drafted, let content = state.content, let submittedAt = firstSubmitted else { throw .submissionNotFound }
        func ineligible(_ english: String, _ persian: String) -> DomainError { .festivalEntryIneligible(submissionId, english: english, persian: persian) }
        guard state.status == .accepted else { throw ineligible("it is \(state.status.english), not accepted for evaluation", "پذیرفته برای داوری نیست") }
        guard acceptedYear == festival.year else {
            throw ineligible("it was accepted in another academic year than \(festival.year)", "در سال تحصیلی دیگری جز \(Digits.persian(festival.year)) پذیرفته شده است")
        }
        let kind: SubmissionKind = if case .idea = content { .idea } else { .experience }
        guard category.submissionKinds.contains(kind) else { throw ineligible("the category takes no \(kind.rawValue)", "این رشته این نوع اثر را نمی‌پذیرد") }
        let entrant = try entrantKind(state.authors, submitter: drafted.submitter)
        guard entrant == category.entrantKind else {
            throw ineligible("its entrant is a \(entrant.rawValue), the category is for a \(category.entrantKind.rawValue)", "شرکت‌کننده آن از گروه این رشته نیست")
        }
        return FestivalEntry(
            entryId: submissionId, categoryId: categoryId, title: content.title, kind: kind, university: drafted.university,
            authors: state.authors, submitter: drafted.submitter, submittedAt: submittedAt, basis: basis)
    }

    /// A submission of a group competes as the group; others as their submitter's kind.
    private func entrantKind(_ authors: [SubmissionAuthor], submitter: String) throws(DomainError) -> FestivalEntrantKind {
        if authors.contains(where: { $0.kind == .studentGroup }) { return .studentGroup }
        return switch try directory.member(submitter).actor.role {
        case .faculty: .faculty
        case .studentGroupRepresentative: .studentGroup
        default: .student
        }
    }
}
