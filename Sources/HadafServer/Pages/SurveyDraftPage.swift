import Foundation
import HadafEvents
import Participation

/// The ministry's form that drafts a survey without JavaScript: its id, title, description,
/// window (two days, the second to its end), audience, whether a response may be edited and
/// whether responses are anonymous; then a fixed number of question rows (`?questions=` asks
/// for more), each with its text, kind, options one per line, whether it is required, and the
/// earlier row and answer it is shown after. Rows left without text are not questions.
struct SurveyDraftPage: Sendable {
    static let template = "survey-draft"

    /// The kinds of question the form offers, by the value the form sends.
    static let kinds: [(value: String, name: String)] = [
        ("single", "یک گزینه"), ("multiple", "چند گزینه"), ("likert", "طیف پنج‌گزینه‌ای"), ("scale", "۰ تا ۱۰"), ("number", "عدد"),
        ("short", "متن کوتاه"), ("long", "متن بلند"),
    ]

    /// The rows a form offers at first, and at most.
    static let defaultRows = 8
    static let maximumRows = 40

    let account: PageAccount
    let csrfToken: String
    let idempotencyKey: String
    let rowCount: String
    let moreRows: String
    let surveyId: String
    let title: String
    let description: String
    let opensOn: String
    let closesOn: String
    let universities: String
    let allowsEditing: Bool
    let anonymous: Bool
    let audience: [CheckboxOption]
    let rows: [Row]
    let surveyIdError: String?
    let titleError: String?
    let closesOnError: String?
    let audienceError: String?
    let formError: String?

    struct Row: Sendable {
        let row: String
        let number: String
        let text: String
        let kinds: [SelectOption]
        let options: String
        let required: Bool
        let showIfQuestion: String
        let showIfAnswer: String
        let rowError: String?
    }

    /// The form with `count` question rows, as typed in `fields` when refused, each reason
    /// beside its field in `errors` (`surveyId`, `title`, `closesOn`, `audience`, or `row-<n>`).
    init(account: PageAccount, count: Int, now: Date, fields: FormFields? = nil, errors: [String: String] = [:], formError: String? = nil) {
        self.account = account
        csrfToken = account.csrfToken
        idempotencyKey = fields?["idempotencyKey"] ?? UUID().uuidString.lowercased()
        rowCount = String(count)
        moreRows = String(min(count + 8, Self.maximumRows))
        surveyId = fields?["surveyId"] ?? ""
        title = fields?["title"] ?? ""
        description = fields?["description"] ?? ""
        opensOn = fields?["opensOn"] ?? FormDate.typed(now)
        closesOn = fields?["closesOn"] ?? FormDate.typed(now.addingTimeInterval(30 * 24 * 3600))
        universities = fields?["universities"] ?? ""
        allowsEditing = fields.map { $0["allowsEditing"] != nil } ?? true
        anonymous = fields?["anonymous"] != nil
        let checked = Set(fields?.values["audience"] ?? [Actor.Role.student.rawValue])
        audience = CheckboxOption.audience(idPrefix: "audience", checked: checked)
        rows = (1...count).map { row in
            func typed(_ name: String) -> String { fields?["\(name)-\(row)"] ?? "" }
            let kind = fields?["kind-\(row)"] ?? "single"
            return Row(
                row: String(row), number: Digits.persian(row), text: typed("text"),
                kinds: Self.kinds.map { SelectOption(value: $0.value, label: $0.name, selected: $0.value == kind) }, options: typed("options"),
                required: fields.map { $0["required-\(row)"] != nil } ?? true, showIfQuestion: typed("showIfQuestion"), showIfAnswer: typed("showIfAnswer"),
                rowError: errors["row-\(row)"])
        }
        surveyIdError = errors["surveyId"]
        titleError = errors["title"]
        closesOnError = errors["closesOn"]
        audienceError = errors["audience"]
        self.formError = formError
    }
}
