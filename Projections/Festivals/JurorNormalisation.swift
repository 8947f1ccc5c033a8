import HadafEvents

/// Puts every juror on one scale, so that a harsh or a lenient juror does not decide a result.
///
/// A juror's score for an entry is first their weighted percentage on the category's rubric:
/// each criterion's score moved to 0…1 within its range, weighted, scaled to 0…100. Then each
/// juror's percentages are z-scored over all the entries that juror scored in the festival
/// (mean and population standard deviation) and rescaled to 50 + 10·z. A juror whose
/// percentages are all equal (or who scored one entry) gives 50: they told entries apart no
/// more than a coin would.
public enum JurorNormalisation {
    /// The weighted percentage of one juror's scores on a rubric.
    public static func percentage(_ scores: [CriterionScore], rubric: [RubricCriterion]) -> Double {
        let totalWeight = rubric.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0 else { return 0 }
        var sum = 0.0
        for criterion in rubric {
            guard let score = scores.first(where: { $0.criterion == criterion.id })?.score else { continue }
            sum += Double(criterion.weight) * Double(score - criterion.minimum) / Double(criterion.maximum - criterion.minimum)
        }
        return 100 * sum / Double(totalWeight)
    }

    /// One juror's normalised scores, by entry, from their percentages by entry.
    public static func normalise(_ percentages: [String: Double]) -> [String: Double] {
        percentages.mapValues { normalise($0, among: percentages) }
    }

    /// `percentage` on the scale of one juror's `percentages` (their mean and deviation): what
    /// a withdrawn entry's score would have been among the entries that count, which it does not
    /// move.
    public static func normalise(_ percentage: Double, among percentages: [String: Double]) -> Double {
        let values = percentages.keys.sorted().map { percentages[$0]! }
        guard !values.isEmpty else { return 50 }
        let mean = values.reduce(0, +) / Double(values.count)
        let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        return deviation > 1e-9 ? 50 + 10 * (percentage - mean) / deviation : 50
    }
}
