import Foundation
import HadafEvents

/// The idea form (`POST /forms/idea`): every field labelled, the zones of SubmissionCategory to
/// choose from, and after a refusal what was typed with the reason beside its field.
struct IdeaFormPage: Sendable {
    static let template = "idea-form"

    let account: PageAccount
    let csrfToken: String
    /// A fresh key per form shown, so that a double submit lands once.
    let idempotencyKey: String
    let fields: [Field]
    let categories: [Option]
    let categoryError: String?
    let formError: String?

    struct Field: Sendable {
        let name: String
        let label: String
        let hint: String?
        let multiline: Bool
        let value: String
        let error: String?
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    /// The form's text fields: name, label, hint, whether it takes paragraphs.
    static let textFields: [(name: String, label: String, hint: String?, multiline: Bool)] = [
        ("title", "عنوان ایده", nil, false),
        ("summary", "خلاصه", "در دو یا سه جمله بگویید ایده چیست.", true),
        ("problem", "مسئله", "چه نیاز یا کاستی فرهنگی را پاسخ می‌دهد؟", true),
        ("proposal", "پیشنهاد", "چه کاری، کجا و با چه کسانی؟", true),
        ("expectedImpact", "اثر مورد انتظار", "پس از اجرا چه چیزی بهتر می‌شود؟", true),
    ]

    /// The form with `values` typed (empty for a new form), and `errors` by field name.
    init(account: PageAccount, values: [String: String] = [:], errors: [String: String] = [:], formError: String? = nil, idempotencyKey: String? = nil) {
        self.account = account
        csrfToken = account.csrfToken
        self.idempotencyKey = idempotencyKey ?? UUID().uuidString.lowercased()
        fields = Self.textFields.map {
            Field(name: $0.name, label: $0.label, hint: $0.hint, multiline: $0.multiline, value: values[$0.name] ?? "", error: errors[$0.name])
        }
        categories = SubmissionCategory.allCases.map {
            Option(value: $0.rawValue, label: $0.persianName, selected: $0.rawValue == (values["category"] ?? SubmissionCategory.cultural.rawValue))
        }
        categoryError = errors["category"]
        self.formError = formError
    }
}
