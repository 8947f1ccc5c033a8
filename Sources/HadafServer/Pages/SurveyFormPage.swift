import Foundation
import HadafEvents

/// A survey as a form (`POST /forms/surveys/{id}/answers`), one question after another. A
/// question shown only after an earlier answer says so; without JavaScript every question is on
/// the page, and the form handler ignores the answers to the questions the earlier answers hide.
/// After a refusal, what was chosen and typed is kept and each reason is beside its question.
struct SurveyFormPage: Sendable {
    static let template = "survey-form"

    let account: PageAccount
    let csrfToken: String
    let idempotencyKey: String
    let surveyId: String
    let surveyTitle: String
    let description: String
    let closesOn: String
    let anonymous: Bool
    let questions: [Question]
    let formError: String?

    struct Question: Sendable {
        let id: String
        let number: String
        let text: String
        let required: Bool
        /// When it is shown only after an earlier answer: which question, which answer.
        let condition: Condition?
        /// Radio buttons or check boxes.
        let options: [Option]
        let hasOptions: Bool
        let inputType: String
        /// A text or number field, or (`longText`) a text area.
        let textField: Bool
        let longText: Bool
        let numeric: Bool
        let value: String
        let hint: String?
        let error: String?
    }

    struct Condition: Sendable {
        let questionNumber: String
        let answer: String
    }

    struct Option: Sendable {
        let name: String
        let value: String
        let label: String
        let checked: Bool
        let inputId: String
    }

    /// The survey's form with `values` chosen and typed (by question id; several for check
    /// boxes) and `errors` by question id.
    init(
        account: PageAccount, surveyId: String, definition: SurveyDefinition, values: [String: [String]] = [:], errors: [String: String] = [:],
        formError: String? = nil, idempotencyKey: String? = nil
    ) {
        self.account = account
        csrfToken = account.csrfToken
        self.idempotencyKey = idempotencyKey ?? UUID().uuidString.lowercased()
        self.surveyId = surveyId
        surveyTitle = definition.title
        description = definition.description
        closesOn = PersianDisplay.date(definition.closesAt)
        anonymous = definition.isAnonymous
        self.formError = formError
        let numbers = Dictionary(uniqueKeysWithValues: definition.questions.enumerated().map { ($1.id, Digits.persian($0 + 1)) })
        questions = definition.questions.enumerated().map { index, question in
            let given = values[question.id] ?? []
            func options(_ pairs: [(value: String, label: String)]) -> [Option] {
                pairs.enumerated().map { offset, pair in
                    Option(name: question.id, value: pair.value, label: pair.label, checked: given.contains(pair.value), inputId: "answer-\(question.id)-\(offset)")
                }
            }
            var choices: [Option] = []
            var inputType = "radio"
            var hint: String?
            var textField = false, longText = false, numeric = false
            switch question.kind {
            case let .singleChoice(list):
                choices = options(list.map { ($0, $0) })
            case let .multipleChoice(list, minimum, maximum):
                choices = options(list.map { ($0, $0) })
                inputType = "checkbox"
                hint = "دست‌کم \(Digits.persian(minimum)) و دست‌بالا \(Digits.persian(maximum)) گزینه"
            case .likert:
                choices = options(Self.likert.enumerated().map { (String($0 + 1), $1) })
            case .scale:
                choices = options((0...10).map { (String($0), Digits.persian($0)) })
                hint = "۰ یعنی هیچ و ۱۰ یعنی بسیار"
            case let .number(minimum, maximum):
                textField = true
                numeric = true
                hint = [minimum.map { "از \(PersianDisplay.number($0))" }, maximum.map { "تا \(PersianDisplay.number($0))" }].compactMap { $0 }.joined(separator: " ")
            case .shortText:
                textField = true
            case .longText:
                longText = true
            }
            return Question(
                id: question.id, number: Digits.persian(index + 1), text: question.text, required: question.isRequired,
                condition: question.showIf.map { Condition(questionNumber: numbers[$0.questionId] ?? $0.questionId, answer: Self.display($0.equals, of: definition, question: $0.questionId)) },
                options: choices, hasOptions: !choices.isEmpty, inputType: inputType, textField: textField, longText: longText, numeric: numeric,
                value: given.first ?? "", hint: hint?.isEmpty == true ? nil : hint, error: errors[question.id])
        }
    }

    /// The five points of a Likert question, 1 to 5.
    static let likert = ["کاملاً مخالفم", "مخالفم", "نه موافق نه مخالف", "موافقم", "کاملاً موافقم"]

    /// An answer as the person chose it: a Likert point by its words, a number in Persian digits.
    private static func display(_ value: SurveyAnswerValue, of definition: SurveyDefinition, question id: String) -> String {
        switch value {
        case let .choice(choice): return choice
        case let .choices(choices): return choices.joined(separator: "، ")
        case let .text(text): return text
        case let .number(number):
            if case .likert? = definition.questions.first(where: { $0.id == id })?.kind, let point = Int(exactly: number), (1...5).contains(point) {
                return likert[point - 1]
            }
            return PersianDisplay.number(number)
        }
    }
}
