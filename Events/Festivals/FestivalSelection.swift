import Foundation

/// The outcome of a festival's selection: per category, every entry with its place or the
/// reason it missed. The announcement freezes it with the hash of the inputs it was computed
/// from and the version of the rules that computed it, so that it can be computed again later
/// and compared.
public struct FestivalSelection: Codable, Hashable, Sendable {
    /// The version of the selection rules (normalisation, ranking, tie-break, quotas).
    public let ruleVersion: String
    /// SHA-256 of the canonical inputs: the categories, the entries and every score.
    public let inputsHash: String
    public let categories: [CategorySelection]

    public init(ruleVersion: String, inputsHash: String, categories: [CategorySelection]) {
        self.ruleVersion = ruleVersion
        self.inputsHash = inputsHash
        self.categories = categories
    }
}

/// One category's result, best first: ranked entries, then those not ranked.
public struct CategorySelection: Codable, Hashable, Sendable {
    public let categoryId: String
    public let placings: [FestivalPlacing]

    public init(categoryId: String, placings: [FestivalPlacing]) {
        self.categoryId = categoryId
        self.placings = placings
    }

    /// The winners, in order of rank.
    public var winners: [FestivalPlacing] { placings.filter { $0.outcome == .winner } }
}

/// Where one entry ended.
public struct FestivalPlacing: Codable, Hashable, Sendable {
    public let entryId: String
    public let university: String
    public let outcome: Outcome
    /// Its rank among the ranked entries of the category, from 1; nil when not ranked.
    public let rank: Int?
    /// The mean of its normalised scores (0 to 100, rounded to 4 decimals); nil when not ranked.
    public let score: Double?
    /// The median of its normalised scores, the first tie-break.
    public let median: Double?
    public let scoreCount: Int

    public enum Outcome: String, Codable, Hashable, Sendable {
        case winner
        case reserve
        /// Ranked below the winners and reserves.
        case belowCut = "below_cut"
        /// Passed over because its university already has the category's quota of winners.
        case overQuota = "over_quota"
        /// Fewer scores than the category needs: not ranked.
        case tooFewScores = "too_few_scores"
        /// Withdrawn or excluded: not ranked.
        case withdrawn
    }

    public init(entryId: String, university: String, outcome: Outcome, rank: Int?, score: Double?, median: Double?, scoreCount: Int) {
        self.entryId = entryId
        self.university = university
        self.outcome = outcome
        self.rank = rank
        self.score = score
        self.median = median
        self.scoreCount = scoreCount
    }
}
