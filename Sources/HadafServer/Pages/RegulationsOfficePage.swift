import Foundation
import HadafEvents
import Participation

/// The ministry's regulations office: every regulation with its version and the state of its
/// review, the form that opens a review round (a deadline and an audience) on one that has none,
/// the form that finalises a round whose deadline has passed (the next version's text, changed
/// only when a proposal was adopted), and the form that publishes a new regulation.
struct RegulationsOfficePage: Sendable {
    static let template = "regulations-office"

    let account: PageAccount
    let csrfToken: String
    let regulations: [Row]
    let hasRegulations: Bool
    let notice: String?
    let formError: String?
    let publish: Draft
    let kinds: [SelectOption]

    struct Row: Sendable {
        let regulationId: String
        let title: String
        let kindName: String
        let version: String
        let stateText: String
        let mayOpen: Bool
        let mayFinalise: Bool
        let deadline: String
        let audience: [CheckboxOption]
        let articlesText: String
        let roundError: String?
        let idempotencyKey: String
    }

    /// What the publishing form holds: empty, or as typed when refused, with the reasons by field.
    struct Draft: Sendable {
        let regulationId, kind, title, articles: String
        let regulationIdError, titleError, articlesError: String?
        let idempotencyKey: String

        init(_ fields: FormFields? = nil, errors: [String: String] = [:]) {
            regulationId = fields?["regulationId"] ?? ""
            kind = fields?["kind"] ?? RegulationKind.regulation.rawValue
            title = fields?["title"] ?? ""
            articles = fields?["articles"] ?? ""
            regulationIdError = errors["regulationId"]
            titleError = errors["title"]
            articlesError = errors["articles"]
            idempotencyKey = fields?["idempotencyKey"] ?? UUID().uuidString.lowercased()
        }
    }

    /// A refusal of one regulation's round form, shown in its section with what was typed.
    struct Refused: Sendable {
        let regulationId: String
        let message: String
        let deadline: String?
        let audience: [String]?
        let articles: String?
    }

    /// The office over `regulations` (by id, each as its stream folds) at `now`, with the
    /// publishing form as typed and a refused round form's reason in its section.
    init(
        account: PageAccount, regulations: [(id: String, state: Regulation.State)], now: Date, notice: String? = nil, formError: String? = nil,
        publish: Draft = Draft(), refused: Refused? = nil
    ) {
        self.account = account
        csrfToken = account.csrfToken
        self.regulations = regulations.compactMap { id, state in
            guard let current = state.current else { return nil }
            let refusal = refused?.regulationId == id ? refused : nil
            let round = state.round.flatMap { $0.isFinalised ? nil : $0 }
            let unanswered = round.map { round in
                state.contributions.values.filter { $0.kind == .amendment && $0.round == round.number && !$0.isWithdrawn && $0.answer == nil }.count
            } ?? 0
            let stateText = if let round {
                now < round.deadline ? "در بررسی تا \(PersianDisplay.lastDay(before: round.deadline))"
                    : unanswered == 0 ? "مهلت گذشته؛ آماده پایان دادن" : "مهلت گذشته؛ \(Digits.persian(unanswered)) پیشنهاد بی‌پاسخ"
            } else if let ended = state.round {
                "بررسی دور \(Digits.persian(ended.number)) پایان یافته"
            } else {
                "هنوز به بررسی گذاشته نشده"
            }
            let checked = Set(refusal?.audience ?? [Actor.Role.faculty.rawValue])
            return Row(
                regulationId: id, title: current.title, kindName: current.kind == .regulation ? "آیین‌نامه" : "شیوه‌نامه",
                version: Digits.persian(current.version), stateText: stateText, mayOpen: round == nil, mayFinalise: round.map { now >= $0.deadline } ?? false,
                deadline: refusal?.deadline ?? FormDate.typed(now.addingTimeInterval(30 * 24 * 3600)),
                audience: CheckboxOption.audience(idPrefix: "audience-\(id)", checked: checked),
                articlesText: refusal?.articles ?? ArticlesText.text(current.articles), roundError: refusal?.message,
                idempotencyKey: UUID().uuidString.lowercased())
        }
        hasRegulations = !self.regulations.isEmpty
        self.notice = notice
        self.formError = formError
        self.publish = publish
        kinds = [(RegulationKind.regulation, "آیین‌نامه"), (.procedure, "شیوه‌نامه")].map {
            SelectOption(value: $0.0.rawValue, label: $0.1, selected: publish.kind == $0.0.rawValue)
        }
    }
}
