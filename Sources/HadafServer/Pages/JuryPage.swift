import HadafEvents

/// A juror's entries in a festival, blinded, each marked when they have scored it.
struct JuryPage: Sendable {
    static let template = "jury"

    let account: PageAccount
    let festivalId: String
    let festivalTitle: String
    let announced: Bool
    let entries: [Entry]
    let hasEntries: Bool
    /// The entry just scored, to say so.
    let scoredTitle: String?

    struct Entry: Sendable {
        let number: Int
        /// The number in Persian digits.
        let numberText: String
        let title: String
        let categoryTitle: String
        let scored: Bool
    }

    init(account: PageAccount, festivalId: String, festival: FestivalOpened, announced: Bool, entries: [BlindEntry], scored: Int?) {
        self.account = account
        self.festivalId = festivalId
        festivalTitle = festival.title
        self.announced = announced
        self.entries = entries.map {
            Entry(number: $0.number, numberText: Digits.persian($0.number), title: $0.title, categoryTitle: $0.categoryTitle, scored: $0.myScores != nil)
        }
        hasEntries = !entries.isEmpty
        scoredTitle = scored.flatMap { number in entries.first { $0.number == number }?.title }
    }
}

/// One entry as its juror reads it, with the rubric as a form: each criterion's score chosen
/// from its range, the juror's earlier scores chosen already.
struct JuryEntryPage: Sendable {
    static let template = "jury-entry"

    let account: PageAccount
    let csrfToken: String
    let festivalId: String
    let festivalTitle: String
    let entry: BlindEntry
    /// The entry's neutral number in Persian digits.
    let numberText: String
    /// The entry's kind in Persian (named apart from the entry's own `kind`, which a template
    /// inside the entry's section would find first).
    let kindName: String
    let criteria: [Criterion]
    /// Scores are frozen once the winners are announced.
    let announced: Bool
    let formError: String?

    struct Criterion: Sendable {
        let id: String
        let title: String
        let weight: String
        let options: [Option]
        let error: String?
    }

    struct Option: Sendable {
        let inputId: String
        let name: String
        let value: String
        let label: String
        let checked: Bool
    }

    /// The page with `chosen` scores (the juror's earlier ones, or those just sent) and `errors`
    /// by criterion id.
    init(
        account: PageAccount, festivalId: String, festival: FestivalOpened, announced: Bool, entry: BlindEntry, chosen: [String: String]? = nil,
        errors: [String: String] = [:], formError: String? = nil
    ) {
        self.account = account
        csrfToken = account.csrfToken
        self.festivalId = festivalId
        festivalTitle = festival.title
        self.entry = entry
        numberText = Digits.persian(entry.number)
        kindName = entry.kind.map { $0 == .idea ? "ایده" : "تجربه" } ?? "برنامه معاونت فرهنگی"
        self.announced = announced
        self.formError = formError
        let chosen = chosen ?? Dictionary(uniqueKeysWithValues: (entry.myScores ?? []).map { ($0.criterion, String($0.score)) })
        criteria = entry.rubric.map { criterion in
            Criterion(
                id: criterion.id, title: criterion.title, weight: Digits.persian(criterion.weight),
                options: (criterion.minimum...criterion.maximum).map { score in
                    Option(inputId: "score-\(criterion.id)-\(score)", name: criterion.id, value: String(score), label: Digits.persian(score), checked: chosen[criterion.id] == String(score))
                },
                error: errors[criterion.id])
        }
    }
}
