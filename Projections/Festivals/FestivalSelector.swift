import HadafEvents

/// One entry's place in its category, with every figure behind it.
public struct FestivalStanding: Sendable, Hashable, Encodable {
    public let entry: FestivalEntry
    public let placing: FestivalPlacing
    /// Each counted juror's weighted percentage and normalised score, by juror id.
    public let jurorScores: [JurorScore]
}

/// One juror's score of an entry, before and after normalisation.
public struct JurorScore: Sendable, Hashable, Codable {
    public let jurorId: String
    public let percentage: Double
    public let normalised: Double

    public init(jurorId: String, percentage: Double, normalised: Double) {
        self.jurorId = jurorId
        self.percentage = percentage
        self.normalised = normalised
    }
}

/// A category's entries, best first, as the selection placed them.
public struct CategoryRanking: Sendable, Hashable, Encodable {
    public let category: FestivalCategory
    public let standings: [FestivalStanding]
}

/// The selection rules: normalised scores, ranking with a tie-break chain, quotas, winners and
/// reserves. A pure function of ``FestivalInputs``: computed again from the same events it
/// gives the same list, which is what `hadaf festival verify` relies on.
///
/// Ranked by the mean of the normalised scores, higher first; ties broken by the higher median,
/// then by more scores, then by the earlier submission (its log position), then by entry id.
/// Walking down the ranking, an entry whose university already has the category's quota of
/// winners is passed over (`over_quota`); the others fill the winners' places, then the
/// reserves'; the rest are `below_cut`. Entries with fewer scores than the category's minimum
/// are not ranked (`too_few_scores`), nor are withdrawn ones.
public enum FestivalSelector {
    /// The version of these rules, recorded in every announcement.
    public static let ruleVersion = "festival-selection/1"

    /// Every category's ranking.
    public static func rank(_ inputs: FestivalInputs) -> [CategoryRanking] {
        guard let festival = inputs.festival else { return [] }
        let active = inputs.entries.values.filter { !inputs.withdrawn.contains($0.entryId) }
        var percentagesByJuror: [String: [String: Double]] = [:]
        for entry in active {
            guard let rubric = festival.category(entry.categoryId)?.category.rubric else { continue }
            for (juror, scores) in inputs.scores[entry.entryId] ?? [:] {
                percentagesByJuror[juror, default: [:]][entry.entryId] = JurorNormalisation.percentage(scores, rubric: rubric)
            }
        }
        let normalisedByJuror = percentagesByJuror.mapValues(JurorNormalisation.normalise)
        return festival.sections.flatMap(\.categories).map { category in
            let entries = inputs.entries.values.filter { $0.categoryId == category.id }.sorted { $0.entryId < $1.entryId }
            return rank(category, entries: entries, inputs: inputs, percentages: percentagesByJuror, normalised: normalisedByJuror)
        }
    }

    /// The selection as an announcement freezes it.
    public static func select(_ inputs: FestivalInputs) -> FestivalSelection {
        FestivalSelection(
            ruleVersion: ruleVersion, inputsHash: inputs.hash,
            categories: rank(inputs).map { CategorySelection(categoryId: $0.category.id, placings: $0.standings.map(\.placing)) })
    }

    private struct Candidate {
        let entry: FestivalEntry
        let scores: [JurorScore]
        let mean: Double
        let median: Double

        /// The tie-break chain: higher mean, higher median, more scores, earlier submission, id.
        static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.mean != b.mean { return a.mean > b.mean }
            if a.median != b.median { return a.median > b.median }
            if a.scores.count != b.scores.count { return a.scores.count > b.scores.count }
            if a.entry.submittedAt != b.entry.submittedAt { return a.entry.submittedAt < b.entry.submittedAt }
            return a.entry.entryId < b.entry.entryId
        }
    }

    private static func rank(
        _ category: FestivalCategory, entries: [FestivalEntry], inputs: FestivalInputs,
        percentages: [String: [String: Double]], normalised: [String: [String: Double]]
    ) -> CategoryRanking {
        var candidates: [Candidate] = []
        var unranked: [FestivalStanding] = []
        var withdrawn: [FestivalStanding] = []
        for entry in entries {
            let given = inputs.scores[entry.entryId] ?? [:]
            let isWithdrawn = inputs.withdrawn.contains(entry.entryId)
            let scores = given.keys.sorted().map { juror in
                // A withdrawn entry's figures are its real ones, put on each juror's scale of the
                // entries that count, which they do not move (before, they showed 0 and 50).
                let percentage = isWithdrawn
                    ? JurorNormalisation.percentage(given[juror]!, rubric: category.rubric) : percentages[juror]?[entry.entryId] ?? 0
                let normalisedScore = isWithdrawn
                    ? JurorNormalisation.normalise(percentage, among: percentages[juror] ?? [:]) : normalised[juror]?[entry.entryId] ?? 50
                return JurorScore(jurorId: juror, percentage: rounded(percentage), normalised: rounded(normalisedScore))
            }
            if isWithdrawn {
                withdrawn.append(standing(entry, .withdrawn, rank: nil, scores: scores, mean: nil, median: nil))
            } else if scores.count < category.minimumScores {
                unranked.append(standing(entry, .tooFewScores, rank: nil, scores: scores, mean: nil, median: nil))
            } else {
                let values = scores.map(\.normalised)
                candidates.append(Candidate(entry: entry, scores: scores, mean: rounded(values.reduce(0, +) / Double(values.count)), median: rounded(median(values))))
            }
        }
        var ranked: [FestivalStanding] = []
        var winnersByUniversity: [String: Int] = [:]
        var winners = 0
        var reserves = 0
        for (index, candidate) in candidates.sorted(by: Candidate.ranksBefore).enumerated() {
            let university = candidate.entry.university
            let outcome: FestivalPlacing.Outcome
            if let quota = category.quotaPerUniversity, winnersByUniversity[university, default: 0] >= quota {
                outcome = .overQuota
            } else if winners < category.winners {
                outcome = .winner
                winners += 1
                winnersByUniversity[university, default: 0] += 1
            } else if reserves < category.reserves {
                outcome = .reserve
                reserves += 1
            } else {
                outcome = .belowCut
            }
            ranked.append(standing(candidate.entry, outcome, rank: index + 1, scores: candidate.scores, mean: candidate.mean, median: candidate.median))
        }
        return CategoryRanking(category: category, standings: ranked + unranked + withdrawn)
    }

    private static func standing(
        _ entry: FestivalEntry, _ outcome: FestivalPlacing.Outcome, rank: Int?, scores: [JurorScore], mean: Double?, median: Double?
    ) -> FestivalStanding {
        FestivalStanding(
            entry: entry,
            placing: FestivalPlacing(
                entryId: entry.entryId, university: entry.university, outcome: outcome, rank: rank, score: mean, median: median, scoreCount: scores.count),
            jurorScores: scores)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Four decimals: the figures compared are the figures shown.
    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
