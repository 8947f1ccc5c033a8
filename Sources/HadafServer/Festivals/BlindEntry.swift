import Foundation
import HadafEvents

/// An entry as its juror sees it: the work and the rubric, without its id, authors, submitter or
/// university (blind review). It goes by a neutral number (``Festivals/neutralNumbers(_:)``),
/// since submitters choose entry ids and an id may name them or their university. Evidence
/// files are named by their hash only, since a file name may carry a name. A university
/// deputy's programme is the one exception: the university is its entrant, so its own text may
/// name it.
struct BlindEntry: Encodable, Sendable {
    /// Kept for the server's own use (scoring it), never shown or sent to the juror.
    let entryId: String
    /// The neutral number the juror knows it by.
    let number: Int
    let categoryId: String
    let categoryTitle: String
    let rubric: [RubricCriterion]
    /// The submission's kind; nil for a university deputy's programme.
    let kind: SubmissionKind?
    let title: String
    let summary: String
    /// The idea's parts.
    let problem: String?
    let proposal: String?
    let expectedImpact: String?
    /// The experience's parts (dates as ISO 8601 instants).
    let startedOn: String?
    let endedOn: String?
    let place: String?
    let results: String?
    let evidence: [Evidence]
    /// The juror's own latest scores, when they have scored it.
    let myScores: [CriterionScore]?

    private enum CodingKeys: String, CodingKey {
        case number, categoryId, categoryTitle, rubric, kind, title, summary, problem, proposal, expectedImpact, startedOn, endedOn, place, results, evidence, myScores
    }

    struct Evidence: Encodable, Sendable {
        let sha256: String
        let mediaType: String
        let byteCount: Int
    }

    /// The entry with its submission's `content`, or (nil) the programme its nomination describes.
    init(entry: FestivalEntry, number: Int, category: FestivalCategory, content: SubmissionContent?, myScores: [CriterionScore]?) {
        entryId = entry.entryId
        self.number = number
        categoryId = category.id
        categoryTitle = category.title
        rubric = category.rubric
        kind = entry.kind
        self.myScores = myScores
        switch content {
        case nil:
            (title, summary, problem, proposal, expectedImpact) = (entry.title, entry.summary ?? "", nil, nil, nil)
            (startedOn, endedOn, place, results, evidence) = (nil, nil, nil, nil, [])
        case let .idea(idea):
            (title, summary, problem, proposal, expectedImpact) = (idea.title, idea.summary, idea.problem, idea.proposal, idea.expectedImpact)
            (startedOn, endedOn, place, results, evidence) = (nil, nil, nil, nil, [])
        case let .experience(experience):
            let format = Date.ISO8601FormatStyle()
            (title, summary, problem, proposal, expectedImpact) = (experience.title, experience.summary, nil, nil, nil)
            (startedOn, endedOn, place, results) = (experience.startedOn.formatted(format), experience.endedOn.formatted(format), experience.place, experience.results)
            evidence = experience.evidence.map { Evidence(sha256: $0.sha256, mediaType: $0.mediaType, byteCount: $0.byteCount) }
        }
    }
}
