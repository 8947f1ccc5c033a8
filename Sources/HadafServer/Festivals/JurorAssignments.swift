import EventStore
import HadafEvents
import HadafProjections
import Participation

/// What a juror is given to score in a festival: their assigned, active entries, blinded, with
/// their own latest scores. The JSON API and the juror's pages both show this.
struct JurorAssignments: Sendable {
    let store: EventStore

    /// The festival, whether its winners are announced (scores are then frozen), and the entries
    /// assigned to `juror`, by their neutral numbers.
    func entries(of juror: String, festival festivalId: String) throws -> (festival: FestivalOpened, announced: Bool, entries: [BlindEntry]) {
        let festivals = Festivals(store: store)
        let (festival, state) = try festivals.opened(festivalId)
        let inputs = try FestivalRoutes.found(festivalId) { () throws(ProjectionError) in try FestivalInputs.read(festivalId, from: store) }
        let submissions = CommandHandler<Submission>(store: store)
        let numbers = try festivals.neutralNumbers(festivalId, state: state)
        let entries = try state.activeEntries.filter { state.assignments.contains(JurorAssignment(entryId: $0.entryId, jurorId: juror)) }.compactMap { entry -> BlindEntry? in
            guard let category = festival.category(entry.categoryId)?.category else { return nil }
            let content = entry.kind == nil ? nil : try submissions.load(Submission.stream(entry.entryId)).state.content
            return BlindEntry(entry: entry, number: numbers[entry.entryId] ?? 0, category: category, content: content, myScores: inputs.scores[entry.entryId]?[juror])
        }.sorted { $0.number < $1.number }
        return (festival, state.announced, entries)
    }
}
