import Foundation
import HadafEvents

/// The idea form (`POST /forms/idea`) and the experience form (`POST /forms/experience`, with
/// evidence files): every field labelled, the zones of SubmissionCategory to choose from, and
/// after a refusal what was typed with the reason beside its field.
struct SubmissionFormPage: Sendable {
    static let template = "submission-form"

    /// Which form.
    enum Kind: Sendable {
        case idea, experience
    }

    let account: PageAccount
    let csrfToken: String
    /// A fresh key per form shown, so that a double submit lands once.
    let idempotencyKey: String
    let heading: String
    let action: String
    /// The experience form sends files, and may name the idea it carried out.
    let takesFiles: Bool
    let fields: [Field]
    let categories: [Option]
    let categoryError: String?
    let ideas: [Option]
    let hasIdeas: Bool
    let evidenceError: String?
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

    /// Each form's text fields: name, label, hint, whether it takes paragraphs.
    static func textFields(_ kind: Kind) -> [(name: String, label: String, hint: String?, multiline: Bool)] {
        switch kind {
        case .idea:
            [
                ("title", "عنوان ایده", nil, false),
                ("summary", "خلاصه", "در دو یا سه جمله بگویید ایده چیست.", true),
                ("problem", "مسئله", "چه نیاز یا کاستی فرهنگی را پاسخ می‌دهد؟", true),
                ("proposal", "پیشنهاد", "چه کاری، کجا و با چه کسانی؟", true),
                ("expectedImpact", "اثر مورد انتظار", "پس از اجرا چه چیزی بهتر می‌شود؟", true),
            ]
        case .experience:
            [
                ("title", "عنوان تجربه", nil, false),
                ("summary", "خلاصه", "در دو یا سه جمله بگویید چه کردید.", true),
                ("startedOn", "تاریخ آغاز", "مانند ۱۴۰۵/۰۷/۱۸", false),
                ("endedOn", "تاریخ پایان", "مانند ۱۴۰۵/۰۷/۲۰", false),
                ("place", "محل اجرا", nil, false),
                ("results", "نتیجه‌ها", "چند نفر شرکت کردند و چه به دست آمد؟", true),
            ]
        }
    }

    /// Every field's label, by name, for the reasons a refusal gives.
    static func labels(_ kind: Kind) -> [String: String] {
        var labels = Dictionary(uniqueKeysWithValues: textFields(kind).map { ($0.name, $0.label) })
        labels["category"] = "زمینه"
        return labels
    }

    /// The form with `values` typed (empty for a new form), and `errors` by field name; `ideas`
    /// are the person's ideas an experience may say it carried out (id and title).
    init(
        _ kind: Kind, account: PageAccount, values: [String: String] = [:], errors: [String: String] = [:], ideas: [(id: String, title: String)] = [],
        formError: String? = nil, idempotencyKey: String? = nil
    ) {
        self.account = account
        csrfToken = account.csrfToken
        self.idempotencyKey = idempotencyKey ?? UUID().uuidString.lowercased()
        heading = kind == .idea ? "ثبت ایده تازه" : "ثبت تجربه"
        action = kind == .idea ? "/forms/idea" : "/forms/experience"
        takesFiles = kind == .experience
        fields = Self.textFields(kind).map {
            Field(name: $0.name, label: $0.label, hint: $0.hint, multiline: $0.multiline, value: values[$0.name] ?? "", error: errors[$0.name])
        }
        categories = SubmissionCategory.allCases.map {
            Option(value: $0.rawValue, label: $0.persianName, selected: $0.rawValue == (values["category"] ?? SubmissionCategory.cultural.rawValue))
        }
        categoryError = errors["category"]
        self.ideas = ideas.map { Option(value: $0.id, label: $0.title, selected: values["carriesOutIdea"] == $0.id) }
        hasIdeas = kind == .experience && !ideas.isEmpty
        evidenceError = errors["evidence"]
        self.formError = formError
    }
}
