import HadafEvents
import HadafProjections

/// The announced winners and reserves of each category, as anyone signed in may see them: the
/// entry's title and university, its rank and score, and the prize; empty until announced.
struct FestivalWinners: Encodable, Sendable {
    let announced: Bool
    let announcedAt: Int64?
    let categories: [Category]

    struct Category: Encodable, Sendable {
        let categoryId: String
        let title: String
        let placings: [Placing]
    }

    struct Placing: Encodable, Sendable {
        let entryId: String
        let title: String
        let university: String
        let outcome: FestivalPlacing.Outcome
        let rank: Int?
        let score: Double?
        let prize: FestivalPrize?
    }

    init(_ inputs: FestivalInputs) {
        guard let announcement = inputs.announcement, let festival = inputs.festival else {
            (announced, announcedAt, categories) = (false, nil, [])
            return
        }
        announced = true
        announcedAt = announcement.position
        categories = announcement.event.selection.categories.compactMap { selection in
            guard let category = festival.category(selection.categoryId)?.category else { return nil }
            let placings = selection.placings.filter { [.winner, .reserve].contains($0.outcome) }.map { placing in
                Placing(
                    entryId: placing.entryId, title: inputs.entries[placing.entryId]?.title ?? "", university: placing.university,
                    outcome: placing.outcome, rank: placing.rank, score: placing.score, prize: placing.outcome == .winner ? category.prize : nil)
            }
            return Category(categoryId: category.id, title: category.title, placings: placings)
        }
    }
}
