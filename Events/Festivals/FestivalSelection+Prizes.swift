/// Why a selection gives no prizes: what the decider refuses an announcement for.
public enum FestivalPrizeFault: Error, Hashable, Sendable {
    case categoryNotFound(String)
    case tooManyWinners(category: String, winners: Int, places: Int)
    case notAnEntry(entry: String, category: String)
}

extension FestivalSelection {
    /// The prizes this selection gives, the one rule the decider announces by and the
    /// verification checks an announcement against: each winner's entry gets its category's
    /// prize, for its authors by their shares (or, for a university deputy's programme, for its
    /// university); or why it gives none.
    public func prizes(festival: FestivalOpened, entries: [String: FestivalEntry], withdrawn: Set<String>) -> Result<[FestivalPrizeAwarded], FestivalPrizeFault> {
        var prizes: [FestivalPrizeAwarded] = []
        for result in categories {
            guard let category = festival.category(result.categoryId)?.category else { return .failure(.categoryNotFound(result.categoryId)) }
            let winners = result.winners
            guard winners.count <= category.winners else { return .failure(.tooManyWinners(category: category.id, winners: winners.count, places: category.winners)) }
            for winner in winners {
                guard let entry = entries[winner.entryId], entry.categoryId == category.id, !withdrawn.contains(entry.entryId) else {
                    return .failure(.notAnEntry(entry: winner.entryId, category: category.id))
                }
                prizes.append(FestivalPrizeAwarded(
                    entryId: entry.entryId, categoryId: category.id, recipients: entry.authors,
                    university: category.entrantKind == .universityDeputy ? entry.university : nil, prize: category.prize))
            }
        }
        return .success(prizes)
    }
}
