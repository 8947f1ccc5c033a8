import EventStore
import Foundation
import HadafEvents

/// Makes festival entries of what the log holds: a submission accepted for evaluation in the
/// festival's academic year, of a kind and an entrant the category takes; or a university's
/// programme for a deputies' category. A category with a minimum of ledger points asks the read
/// side for the entrant's points.
struct FestivalEntries: Sendable {
    let store: EventStore
    let directory: ParticipantDirectory
    let readSide: (any FestivalReadSide)?

    /// The entry `submissionId` would be in `categoryId`, or why it cannot enter.
    func submission(_ submissionId: String, category categoryId: String, of festival: FestivalOpened, basis: FestivalEntry.Basis) throws(DomainError) -> FestivalEntry {
        guard let category = festival.category(categoryId)?.category else { throw .festivalCategoryNotFound(categoryId) }
        let events: [RecordedEvent]
        do { events = try store.readStream(Submission.stream(submissionId)) } catch { throw .store(error) }
        var state = Submission.initialState
        var firstSubmitted: Int64?
        var acceptedYear: Int?
        for recorded in events {
            guard let event = SubmissionEvent.reading(recorded) else { continue }
            state = Submission.evolve(state, event)
            if case .submitted = event, firstSubmitted == nil { firstSubmitted = recorded.position }
            if case let .screened(screened) = event, screened.decision == .acceptedForEvaluation {
                let milliseconds = recorded.actedAtMilliseconds
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
        let (entrant, holder) = try entrant(state.authors, submitter: drafted.submitter)
        guard entrant == category.entrantKind else {
            throw ineligible("its entrant is a \(entrant.rawValue), the category is for a \(category.entrantKind.rawValue)", "شرکت‌کننده آن از گروه این رشته نیست")
        }
        try checkPoints(holder, entryId: submissionId, category: categoryId, of: festival)
        return FestivalEntry(
            entryId: submissionId, categoryId: categoryId, title: content.title, kind: kind, university: drafted.university,
            authors: state.authors, submitter: drafted.submitter, submittedAt: submittedAt, basis: basis)
    }

    /// A university's entry in a deputies' category: the programme its nominator describes.
    func programme(
        of university: String, category categoryId: String, of festival: FestivalOpened, programme: (title: String, summary: String)?, nominator: String
    ) throws(DomainError) -> FestivalEntry {
        guard let category = festival.category(categoryId)?.category else { throw .festivalCategoryNotFound(categoryId) }
        let entryId = "university-\(university)"
        guard category.entrantKind == .universityDeputy else {
            throw .festivalEntryIneligible(entryId, english: "the category is for a \(category.entrantKind.rawValue), not a university", persian: "این رشته برای دانشگاه‌ها نیست")
        }
        guard let programme else { throw .required(field: "title") }
        try Validate.name(programme.title, field: "title")
        try Validate.text(programme.summary, field: "summary")
        let registration: RecordedEvent?
        do { registration = try store.readStream(University.stream(code: university)).first } catch { throw .store(error) }
        guard let registration else { throw .universityNotRegistered }
        return FestivalEntry(
            entryId: entryId, categoryId: categoryId, title: programme.title, kind: nil, summary: programme.summary, university: university,
            authors: [], submitter: nominator, submittedAt: registration.position, basis: .nominated)
    }

    /// Refuses the entry when its category asks for more ledger points than `holder` has in the
    /// festival's year.
    func checkPoints(_ holder: LedgerHolder, entryId: String, category categoryId: String, of festival: FestivalOpened) throws(DomainError) {
        guard let minimum = festival.category(categoryId)?.category.minimumPoints else { return }
        guard let readSide else { throw .festivalPointsUnavailable }
        let points = try readSide.points(of: holder, year: festival.year)
        guard points >= minimum else {
            throw .festivalEntryIneligible(
                entryId, english: "its entrant has \(points) points in \(festival.year), the category asks for \(minimum)",
                persian: "امتیاز شرکت‌کننده در سال \(Digits.persian(festival.year)) کمتر از حد لازم این رشته است")
        }
    }

    /// A submission of a group competes as the group; others as their submitter's kind.
    private func entrant(_ authors: [SubmissionAuthor], submitter: String) throws(DomainError) -> (FestivalEntrantKind, LedgerHolder) {
        if let group = authors.first(where: { $0.kind == .studentGroup }) { return (.studentGroup, .studentGroup(group.id)) }
        return switch try directory.member(submitter).actor.role {
        case .faculty: (.faculty, .participant(submitter))
        case .studentGroupRepresentative: (.studentGroup, .participant(submitter))
        default: (.student, .participant(submitter))
        }
    }
}
