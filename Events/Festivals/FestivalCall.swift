import Foundation

/// A section of a festival call (ideas, experiences, volunteer activity, international work),
/// with its categories by kind of entrant. Jurors are appointed per section.
public struct FestivalSection: Codable, Hashable, Sendable {
    public let id: String
    public let title: String
    public let categories: [FestivalCategory]

    public init(id: String, title: String, categories: [FestivalCategory]) {
        self.id = id
        self.title = title
        self.categories = categories
    }
}

/// Who competes in a category.
public enum FestivalEntrantKind: String, Codable, Hashable, Sendable, CaseIterable {
    case student
    case faculty
    case studentGroup = "student_group"
    /// A university's cultural deputy, with a programme its deputy officer nominates.
    case universityDeputy = "university_deputy"
}

/// One category of a section: who may enter, how entries are scored, and how many win.
public struct FestivalCategory: Codable, Hashable, Sendable {
    public let id: String
    public let title: String
    public let entrantKind: FestivalEntrantKind
    /// The kinds of accepted submission that are eligible: an entry is a submission accepted
    /// for evaluation in the festival's academic year. Empty for university deputies, whose
    /// entries are nominated programmes.
    public let submissionKinds: [SubmissionKind]
    /// The ledger points the entrant must hold in the festival's academic year, when set: the
    /// submitter's (or group's) for a submission, the university's for a deputy.
    public let minimumPoints: Double?
    public let rubric: [RubricCriterion]
    public let winners: Int
    public let reserves: Int
    /// At most this many winners from one university, when set.
    public let quotaPerUniversity: Int?
    /// The scores an entry needs to be ranked.
    public let minimumScores: Int
    public let prize: FestivalPrize

    public init(
        id: String, title: String, entrantKind: FestivalEntrantKind, submissionKinds: [SubmissionKind], minimumPoints: Double? = nil,
        rubric: [RubricCriterion], winners: Int, reserves: Int, quotaPerUniversity: Int?, minimumScores: Int = 3, prize: FestivalPrize
    ) {
        self.id = id
        self.title = title
        self.entrantKind = entrantKind
        self.submissionKinds = submissionKinds
        self.minimumPoints = minimumPoints
        self.rubric = rubric
        self.winners = winners
        self.reserves = reserves
        self.quotaPerUniversity = quotaPerUniversity
        self.minimumScores = minimumScores
        self.prize = prize
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, entrantKind, submissionKinds, minimumPoints, rubric, winners, reserves, quotaPerUniversity, minimumScores, prize
    }

    /// `minimumScores` may be left out of a call: it is 3, as festivals of this kind ask.
    /// `submissionKinds` and `minimumPoints` may be left out too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), title: try container.decode(String.self, forKey: .title),
            entrantKind: try container.decode(FestivalEntrantKind.self, forKey: .entrantKind),
            submissionKinds: try container.decodeIfPresent([SubmissionKind].self, forKey: .submissionKinds) ?? [],
            minimumPoints: try container.decodeIfPresent(Double.self, forKey: .minimumPoints),
            rubric: try container.decode([RubricCriterion].self, forKey: .rubric),
            winners: try container.decode(Int.self, forKey: .winners), reserves: try container.decode(Int.self, forKey: .reserves),
            quotaPerUniversity: try container.decodeIfPresent(Int.self, forKey: .quotaPerUniversity),
            minimumScores: try container.decodeIfPresent(Int.self, forKey: .minimumScores) ?? 3,
            prize: try container.decode(FestivalPrize.self, forKey: .prize))
    }
}

/// An idea or an experience.
public enum SubmissionKind: String, Codable, Hashable, Sendable {
    case idea, experience
}

/// One criterion of a rubric: a juror gives it a whole score from `minimum` to `maximum`, and
/// it counts by its weight.
public struct RubricCriterion: Codable, Hashable, Sendable {
    public let id: String
    public let title: String
    public let weight: Int
    public let minimum: Int
    public let maximum: Int

    public init(id: String, title: String, weight: Int, minimum: Int, maximum: Int) {
        self.id = id
        self.title = title
        self.weight = weight
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// What a winner of a category receives: a cash prize in rials and a recognition (تقدیر).
/// Ledger points for winning come from the year's incentive policy (`festival.winner`).
public struct FestivalPrize: Codable, Hashable, Sendable {
    public let rials: Int64
    public let recognition: String

    public init(rials: Int64, recognition: String) {
        self.rials = rials
        self.recognition = recognition
    }
}
