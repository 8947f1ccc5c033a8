import HadafEvents

/// Checks a response against its survey: each answer against its question, required questions
/// that are shown, and no answer to a question that is hidden.
enum SurveyAnswerCheck {
    /// The longest answers to text questions, in characters.
    static let shortTextLimit = 200
    static let longTextLimit = 5000

    /// One problem per question (the field is `answers.<id>`), none when the response is valid.
    static func problems(in answers: [String: SurveyAnswerValue], for definition: SurveyDefinition) -> [DomainError] {
        var problems: [DomainError] = []
        let known = Set(definition.questions.map(\.id))
        for id in answers.keys.sorted() where !known.contains(id) {
            problems.append(.answerProblem(id, "There is no question '\(id)'.", "پرسشی با شناسه «\(id)» نیست."))
        }
        for question in definition.questions {
            let shown = question.showIf.map { answers[$0.questionId] == $0.equals } ?? true
            switch (shown, answers[question.id]) {
            case (false, .some):
                problems.append(.answerProblem(question.id, "Question '\(question.id)' is not shown for your earlier answer, so it takes no answer.",
                                               "پرسش «\(question.id)» با پاسخ پیشین شما نمایش داده نمی‌شود و پاسخی نمی‌پذیرد."))
            case (true, nil) where question.isRequired:
                problems.append(.answerProblem(question.id, "Question '\(question.id)' needs an answer.", "پرسش «\(question.id)» پاسخ لازم دارد."))
            case let (true, .some(answer)):
                problems += Self.problems(for: question, answer: answer)
            default:
                break
            }
        }
        return problems
    }

    /// What is wrong with one answer to one question.
    static func problems(for question: SurveyQuestion, answer: SurveyAnswerValue) -> [DomainError] {
        let id = question.id
        func problem(_ english: String, _ persian: String) -> [DomainError] { [.answerProblem(id, english, persian)] }
        switch (question.kind, answer) {
        case let (.singleChoice(options), .choice(choice)):
            return options.contains(choice) ? [] : problem("'\(choice)' is not an option of question '\(id)'.", "«\(choice)» از گزینه‌های پرسش «\(id)» نیست.")
        case let (.multipleChoice(options, minimum, maximum), .choices(choices)):
            if let unknown = choices.first(where: { !options.contains($0) }) {
                return problem("'\(unknown)' is not an option of question '\(id)'.", "«\(unknown)» از گزینه‌های پرسش «\(id)» نیست.")
            }
            if Set(choices).count != choices.count { return problem("An option is chosen twice in question '\(id)'.", "گزینه‌ای در پرسش «\(id)» دو بار انتخاب شده است.") }
            guard (minimum...maximum).contains(choices.count) else {
                return problem("Question '\(id)' takes \(minimum) to \(maximum) choices.", "پرسش «\(id)» بین \(Digits.persian(minimum)) تا \(Digits.persian(maximum)) انتخاب می‌پذیرد.")
            }
            return []
        case let (.likert, .number(value)):
            return isWhole(value, in: 1...5) ? [] : problem("Question '\(id)' takes a whole number from 1 to 5.", "پرسش «\(id)» عددی درست از ۱ تا ۵ می‌پذیرد.")
        case let (.scale, .number(value)):
            return isWhole(value, in: 0...10) ? [] : problem("Question '\(id)' takes a whole number from 0 to 10.", "پرسش «\(id)» عددی درست از ۰ تا ۱۰ می‌پذیرد.")
        case let (.number(minimum, maximum), .number(value)):
            guard value.isFinite, value >= (minimum ?? -.infinity), value <= (maximum ?? .infinity) else {
                let range = "\(minimum.map { "\($0)" } ?? "any") to \(maximum.map { "\($0)" } ?? "any")"
                return problem("Question '\(id)' takes a number from \(range).", "پرسش «\(id)» عددی در بازه \(Digits.persian(range)) می‌پذیرد.")
            }
            return []
        case let (.shortText, .text(text)):
            return textProblems(text, limit: shortTextLimit, id: id)
        case let (.longText, .text(text)):
            return textProblems(text, limit: longTextLimit, id: id)
        default:
            return problem("The answer to question '\(id)' is of the wrong kind.", "پاسخ پرسش «\(id)» از نوع درست نیست.")
        }
    }

    private static func isWhole(_ value: Double, in range: ClosedRange<Double>) -> Bool {
        range.contains(value) && value.rounded() == value
    }

    private static func textProblems(_ text: String, limit: Int, id: String) -> [DomainError] {
        if PersianNormalizer.normalize(text).isEmpty {
            return [.answerProblem(id, "The answer to question '\(id)' is blank.", "پاسخ پرسش «\(id)» خالی است.")]
        }
        if text.count > limit {
            return [.answerProblem(id, "The answer to question '\(id)' is longer than \(limit) characters.", "پاسخ پرسش «\(id)» از \(Digits.persian(limit)) نویسه بلندتر است.")]
        }
        return []
    }
}
