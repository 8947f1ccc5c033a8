import EventStore
import Foundation
import HadafEvents

/// A national festival's stream for measurement (i): 12 categories in 4 sections, `entries`
/// entries from 14 universities, 120 jurors on every section, every entry assigned to and scored
/// by 3 of them on 4 criteria, and the announcement of the list those scores give.
enum FestivalSample {
    static let festivalId = "national"
    static let universities = ["alzahra", "modares", "razi", "scu", "pwut", "kntu", "iut", "iust", "um", "yazd", "sharif", "aut", "tabrizu", "ut"]

    /// Appends the festival; returns the number of events.
    static func write(entries: Int, to store: EventStore) async throws -> Int {
        let stream = "festival-\(festivalId)"
        let rubric = ["originality", "impact", "feasibility", "presentation"].enumerated().map {
            RubricCriterion(id: $1, title: $1, weight: $0 + 1, minimum: 0, maximum: 10)
        }
        let sections = (0..<4).map { section in
            FestivalSection(id: "s\(section)", title: "بخش \(section)", categories: (0..<3).map { category in
                FestivalCategory(
                    id: "s\(section)-c\(category)", title: "رشته \(category)", entrantKind: .student, submissionKinds: [.idea, .experience],
                    rubric: rubric, winners: 5, reserves: 2, quotaPerUniversity: 1, prize: FestivalPrize(rials: 100_000_000, recognition: "تقدیر"))
            })
        }
        let categories = sections.flatMap(\.categories)
        var events: [any DomainEvent] = [
            FestivalOpened(festivalId: festivalId, year: 1405, edition: 4, title: "جشنواره ملی", closesAt: Date(timeIntervalSince1970: 1_790_000_000), sections: sections),
            FestivalCallClosed(),
        ]
        let list = (0..<entries).map { number in
            FestivalEntry(
                entryId: "entry-\(number)", categoryId: categories[number % categories.count].id, title: "اثر \(number)", kind: .idea,
                university: universities[number % universities.count], authors: [SubmissionAuthor(kind: .participant, id: "p-\(number)", share: 100)],
                submitter: "p-\(number)", submittedAt: Int64(number + 1), basis: .proposed)
        }
        events.append(FestivalEntriesConfirmed(entries: list))
        // The jurors sit on every section and are assigned before they score: the selection
        // counts no other score.
        for juror in 0..<120 {
            for section in sections { events.append(FestivalJurorAppointed(jurorId: "juror-\(juror)", sectionId: section.id, university: nil)) }
        }
        func jurorId(_ entry: FestivalEntry, _ juror: Int) -> String { "juror-\((Int(entry.entryId.dropFirst(6))! * 7 + juror * 41) % 120)" }
        let pairs = list.flatMap { entry in (0..<3).map { JurorAssignment(entryId: entry.entryId, jurorId: jurorId(entry, $0)) } }
        for start in stride(from: 0, to: pairs.count, by: 1_000) {
            events.append(FestivalJurorsAssigned(assignments: Array(pairs[start..<min(start + 1_000, pairs.count)]), understaffed: []))
        }
        var random = SystemRandomNumberGenerator()
        for entry in list {
            for juror in 0..<3 {
                let jurorId = jurorId(entry, juror)
                events.append(FestivalEntryScored(
                    entryId: entry.entryId, jurorId: jurorId, scores: rubric.map { CriterionScore(criterion: $0.id, score: Int.random(in: 0...10, using: &random)) }))
            }
        }
        func envelope<E: DomainEvent>(_ event: E) throws -> NewEvent { try NewEvent(event, metadata: EventMetadata(actorId: "bench")) }
        var version: Int64 = 0
        for start in stride(from: 0, to: events.count, by: 1_000) {
            let batch = try events[start..<min(start + 1_000, events.count)].map { try envelope($0) }
            _ = try await store.append(batch, to: stream, expectedVersion: version == 0 ? .noStream : .exact(version))
            version += Int64(batch.count)
        }
        return events.count
    }
}
