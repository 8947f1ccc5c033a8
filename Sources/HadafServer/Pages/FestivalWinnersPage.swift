import Foundation
import HadafEvents
import HadafProjections

/// A festival's announced winners and reserves, public: each category's placings with the
/// entry's title, its university and the prize; until the announcement, a line saying so.
struct FestivalWinnersPage: Sendable {
    static let template = "festival-winners"

    let account: PageAccount?
    let title: String
    let yearText: String
    let announced: Bool
    let announcedOn: String
    let categories: [Category]

    struct Category: Sendable {
        let categoryTitle: String
        let placings: [Placing]
    }

    struct Placing: Sendable {
        let rankText: String
        let entryTitle: String
        let universityName: String
        let isWinner: Bool
        let prizeText: String
    }

    /// The page of a festival's inputs; `universityName` names a university by its code,
    /// `day` gives the Jalali day of a log position.
    init(account: PageAccount?, inputs: FestivalInputs, universityName: (String) throws -> String, day: (Int64) throws -> String) throws {
        self.account = account
        let festival = inputs.festival
        title = festival?.title ?? ""
        yearText = festival.map { AcademicYear(startYear: $0.year).persianText } ?? ""
        let winners = FestivalWinners(inputs)
        announced = winners.announced
        announcedOn = try winners.announcedAt.map(day) ?? ""
        categories = try winners.categories.map { category in
            Category(categoryTitle: category.title, placings: try category.placings.map { placing in
                Placing(
                    rankText: placing.rank.map { Digits.persian($0) } ?? "—", entryTitle: placing.title, universityName: try universityName(placing.university),
                    isWinner: placing.outcome == .winner,
                    prizeText: placing.prize.map { "\(PersianDisplay.rials($0.rials))، \($0.recognition)" } ?? "ذخیره")
            })
        }
    }
}
