import Foundation
import HadafEvents
import Participation

/// The form that opens a festival's call, for the ministry: the call's id, year, edition, title
/// and closing day, and its sections and categories taken from an earlier call or from the
/// customary festival (``CustomaryFestival``), each category's winners, reserves, quota per
/// university and prize set on the form.
struct FestivalCallPage: Sendable {
    static let template = "festival-call"

    let account: PageAccount
    let csrfToken: String
    let like: String
    let likeOptions: [SelectOption]
    let festivalId: String
    let year: String
    let edition: String
    let title: String
    let closesOn: String
    let categories: [Category]
    let formError: String?
    let idempotencyKey: String

    struct Category: Sendable {
        let categoryId: String
        let categoryTitle: String
        let sectionTitle: String
        let winners: String
        let reserves: String
        let quota: String
        let rials: String
    }

    /// The template a call may start from: `customary`, or an earlier call's id.
    static let customary = "customary"

    /// The form for a call like `sections` (named by `like`), with `fields` as typed when refused.
    init(
        account: PageAccount, like: String, earlier: [FestivalOpened], sections: [FestivalSection], now: Date, fields: FormFields? = nil,
        formError: String? = nil
    ) {
        self.account = account
        csrfToken = account.csrfToken
        self.like = like
        likeOptions = [SelectOption(value: Self.customary, label: "جشنواره مرسوم هدف", selected: like == Self.customary)]
            + earlier.map { SelectOption(value: $0.festivalId, label: $0.title, selected: like == $0.festivalId) }
        let year = AcademicYear(containing: now).startYear
        festivalId = fields?["festivalId"] ?? "hadaf-\(year)"
        self.year = fields?["year"] ?? Digits.persian(year)
        edition = fields?["edition"] ?? ""
        title = fields?["title"] ?? "جشنواره هدف \(Digits.persian(year))"
        closesOn = fields?["closesOn"] ?? FormDate.typed(now.addingTimeInterval(45 * 24 * 3600))
        categories = sections.flatMap { section in
            section.categories.map { category in
                func typed(_ name: String, _ value: some BinaryInteger) -> String { fields?["\(name)-\(category.id)"] ?? Digits.persian(value) }
                return Category(
                    categoryId: category.id, categoryTitle: category.title, sectionTitle: section.title, winners: typed("winners", category.winners),
                    reserves: typed("reserves", category.reserves), quota: fields?["quota-\(category.id)"] ?? category.quotaPerUniversity.map { Digits.persian($0) } ?? "",
                    rials: typed("rials", category.prize.rials))
            }
        }
        self.formError = formError
        idempotencyKey = fields?["idempotencyKey"] ?? UUID().uuidString.lowercased()
    }
}
