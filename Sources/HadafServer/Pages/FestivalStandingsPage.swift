import HadafEvents
import HadafProjections

/// A festival's rankings for the ministry: each category's entries with their rank, outcome,
/// normalised mean and number of scores, computed from the festival's events as the
/// announcement would freeze them; and, once the call has closed and until the winners are
/// announced, the button that announces them.
struct FestivalStandingsPage: Sendable {
    static let template = "festival-standings"

    let account: PageAccount
    let csrfToken: String
    let festivalId: String
    let title: String
    let mayAnnounce: Bool
    let announced: Bool
    let categories: [Category]
    let formError: String?

    struct Category: Sendable {
        let categoryTitle: String
        let rows: [Row]
    }

    struct Row: Sendable {
        let rankText: String
        let entryTitle: String
        let universityName: String
        let outcomeName: String
        let score: String
        let scoreCount: String
    }

    init(
        account: PageAccount, festivalId: String, inputs: FestivalInputs, callClosed: Bool, universityName: (String) throws -> String, formError: String? = nil
    ) rethrows {
        self.account = account
        csrfToken = account.csrfToken
        self.festivalId = festivalId
        title = inputs.festival?.title ?? festivalId
        announced = inputs.announcement != nil
        mayAnnounce = callClosed && !announced
        categories = try FestivalSelector.rank(inputs).map { ranking in
            Category(categoryTitle: ranking.category.title, rows: try ranking.standings.map { standing in
                Row(
                    rankText: standing.placing.rank.map { Digits.persian($0) } ?? "—", entryTitle: standing.entry.title,
                    universityName: try universityName(standing.entry.university), outcomeName: Self.outcome(standing.placing.outcome),
                    score: standing.placing.score.map(PersianDisplay.number) ?? "—", scoreCount: Digits.persian(standing.placing.scoreCount))
            })
        }
        self.formError = formError
    }

    private static func outcome(_ outcome: FestivalPlacing.Outcome) -> String {
        switch outcome {
        case .winner: "برگزیده"
        case .reserve: "ذخیره"
        case .belowCut: "زیر خط برگزیدگی"
        case .overQuota: "بیش از سهمیه دانشگاه"
        case .tooFewScores: "داوری ناکافی"
        case .withdrawn: "کنار رفته"
        }
    }
}
