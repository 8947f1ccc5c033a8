import HadafEvents

/// Checks a survey definition before it is saved, collecting every problem at once so an
/// officer can fix the whole form in one go.
enum SurveyDefinitionCheck {
    static func problems(in definition: SurveyDefinition) -> [DomainError] {
        var problems: [DomainError] = []
        func add(_ field: String, _ english: String, _ persian: String) {
            problems.append(.definitionProblem(field, english, persian))
        }
        if PersianNormalizer.normalize(definition.title).isEmpty { add("title", "A title is required.", "عنوان لازم است.") }
        if definition.opensAt >= definition.closesAt {
            add("closesAt", "The survey must close after it opens.", "پایان نظرسنجی باید پس از آغاز آن باشد.")
        }
        for kind in definition.audience.kinds where Actor.Role(rawValue: kind) == nil || kind == Actor.Role.system.rawValue {
            add("audience.kinds", "'\(kind)' is not a kind of participant.", "«\(kind)» نوعی از شرکت‌کنندگان نیست.")
        }
        if definition.questions.isEmpty { add("questions", "A survey needs at least one question.", "نظرسنجی دست‌کم یک پرسش لازم دارد.") }
        var earlier: [String: SurveyQuestion] = [:]
        for question in definition.questions {
            let field = "questions.\(question.id)"
            if question.id.isEmpty || earlier[question.id] != nil {
                add(field, "Question ids must be present and unique ('\(question.id)').", "شناسه پرسش‌ها باید یکتا باشد («\(question.id)»).")
            }
            if PersianNormalizer.normalize(question.text).isEmpty {
                add(field, "Question '\(question.id)' has no text.", "پرسش «\(question.id)» متن ندارد.")
            }
            switch question.kind {
            case let .singleChoice(options):
                checkOptions(options, field: field, add: add)
            case let .multipleChoice(options, minimum, maximum):
                checkOptions(options, field: field, add: add)
                if minimum < 0 || maximum < max(minimum, 1) || maximum > options.count {
                    add(field, "Question '\(question.id)' allows \(minimum) to \(maximum) choices of \(options.count).",
                        "بازه انتخاب پرسش «\(question.id)» با گزینه‌ها نمی‌خواند.")
                }
            case let .number(minimum, maximum):
                if let minimum, let maximum, minimum > maximum {
                    add(field, "Question '\(question.id)' has its minimum above its maximum.", "کمینه پرسش «\(question.id)» از بیشینه آن بیشتر است.")
                }
            case .likert, .scale, .shortText, .longText:
                break
            }
            if let condition = question.showIf {
                if let target = earlier[condition.questionId] {
                    if !SurveyAnswerCheck.problems(for: target, answer: condition.equals).isEmpty {
                        add(field, "Question '\(question.id)' is shown for an answer that question '\(target.id)' cannot have.",
                            "شرط نمایش پرسش «\(question.id)» پاسخی است که پرسش «\(target.id)» نمی‌پذیرد.")
                    }
                } else {
                    add(field, "Question '\(question.id)' depends on '\(condition.questionId)', which is not an earlier question.",
                        "پرسش «\(question.id)» به «\(condition.questionId)» وابسته است که پرسش پیشین نیست.")
                }
            }
            earlier[question.id] = question
        }
        return problems
    }

    private static func checkOptions(_ options: [String], field: String, add: (String, String, String) -> Void) {
        let normalized = options.map(PersianNormalizer.normalize)
        if options.count < 2 || normalized.contains(where: \.isEmpty) || Set(normalized).count != options.count {
            add(field, "A choice question needs at least two distinct, non-blank options.", "پرسش گزینه‌ای دست‌کم دو گزینه متفاوت و ناتهی لازم دارد.")
        }
    }
}
