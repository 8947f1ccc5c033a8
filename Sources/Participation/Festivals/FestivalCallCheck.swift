import Foundation
import HadafEvents

/// The checks of a festival call before it opens: ids, rubrics, numbers of winners and quotas.
enum FestivalCallCheck {
    /// Every problem of the call, each naming its field; empty when it may open.
    static func problems(of call: FestivalOpened) -> [DomainError] {
        var problems: [DomainError] = []
        func check(_ body: () throws(DomainError) -> Void) {
            do { try body() } catch { problems.append(error) }
        }
        func problem(_ field: String, _ english: String, _ persian: String) {
            problems.append(.festivalCallProblem(field: field, english: english, persian: persian))
        }
        check { () throws(DomainError) in try Validate.code(call.festivalId, field: "festivalId") }
        check { () throws(DomainError) in try Validate.name(call.title, field: "title") }
        if !AcademicYear.plausibleStartYears.contains(call.year) { problem("year", "The year must be a Jalali year such as 1404.", "سال باید سال شمسی مانند ۱۴۰۴ باشد.") }
        if call.sections.isEmpty { problem("sections", "A call needs at least one section.", "فراخوان دست‌کم یک بخش لازم دارد.") }
        var ids = Set<String>()
        for (s, section) in call.sections.enumerated() {
            let field = "sections[\(s)]"
            check { () throws(DomainError) in try Validate.code(section.id, field: "\(field).id") }
            check { () throws(DomainError) in try Validate.name(section.title, field: "\(field).title") }
            if !ids.insert(section.id).inserted { problem("\(field).id", "The id '\(section.id)' is used twice.", "شناسه «\(section.id)» دو بار آمده است.") }
            if section.categories.isEmpty { problem("\(field).categories", "A section needs at least one category.", "هر بخش دست‌کم یک رشته لازم دارد.") }
            for (c, category) in section.categories.enumerated() {
                problems += self.problems(of: category, field: "\(field).categories[\(c)]", ids: &ids)
            }
        }
        return problems
    }

    private static func problems(of category: FestivalCategory, field: String, ids: inout Set<String>) -> [DomainError] {
        var problems: [DomainError] = []
        func problem(_ name: String, _ english: String, _ persian: String) {
            problems.append(.festivalCallProblem(field: "\(field).\(name)", english: english, persian: persian))
        }
        do { try Validate.code(category.id, field: "\(field).id") } catch { problems.append(error) }
        do { try Validate.name(category.title, field: "\(field).title") } catch { problems.append(error) }
        if !ids.insert(category.id).inserted { problem("id", "The id '\(category.id)' is used twice.", "شناسه «\(category.id)» دو بار آمده است.") }
        if category.entrantKind == .universityDeputy {
            if !category.submissionKinds.isEmpty { problem("submissionKinds", "University deputies enter with nominated programmes, not submissions.", "معاونت‌های دانشگاه با برنامه نامزدشده شرکت می‌کنند، نه با ارسال.") }
        } else if category.submissionKinds.isEmpty {
            problem("submissionKinds", "Name the kinds of submission that may enter.", "نوع آثار پذیرفتنی را مشخص کنید.")
        }
        if let minimum = category.minimumPoints, minimum < 0 { problem("minimumPoints", "A minimum of points cannot be negative.", "حداقل امتیاز منفی نمی‌شود.") }
        if category.winners < 1 { problem("winners", "A category has at least one winner.", "هر رشته دست‌کم یک برگزیده دارد.") }
        if category.reserves < 0 { problem("reserves", "Reserves cannot be negative.", "شمار ذخیره‌ها منفی نمی‌شود.") }
        if let quota = category.quotaPerUniversity, quota < 1 { problem("quotaPerUniversity", "A quota is at least 1.", "سهمیه دست‌کم ۱ است.") }
        if category.minimumScores < 1 { problem("minimumScores", "An entry needs at least one score.", "هر اثر دست‌کم یک امتیاز لازم دارد.") }
        if category.prize.rials < 0 { problem("prize.rials", "A prize cannot be negative.", "جایزه منفی نمی‌شود.") }
        if category.rubric.isEmpty { problem("rubric", "A rubric needs at least one criterion.", "شاخص‌های داوری دست‌کم یک معیار لازم دارد.") }
        var criteria = Set<String>()
        for (r, criterion) in category.rubric.enumerated() {
            let name = "rubric[\(r)]"
            do { try Validate.code(criterion.id, field: "\(field).\(name).id") } catch { problems.append(error) }
            if !criteria.insert(criterion.id).inserted { problem("\(name).id", "The criterion '\(criterion.id)' is used twice.", "معیار «\(criterion.id)» دو بار آمده است.") }
            if criterion.weight < 1 { problem("\(name).weight", "A weight is a whole number of at least 1.", "وزن عددی صحیح و دست‌کم ۱ است.") }
            if criterion.minimum >= criterion.maximum { problem("\(name).maximum", "The maximum must exceed the minimum.", "بیشینه باید از کمینه بزرگ‌تر باشد.") }
        }
        return problems
    }

    /// The scores a juror gives an entry: each criterion of the rubric once, within its range.
    static func scores(_ scores: [CriterionScore], rubric: [RubricCriterion]) throws(DomainError) {
        switch rubric.fault(of: scores) {
        case nil:
            return
        case let .unknownCriterion(criterion)?:
            throw .festivalScoreInvalid(criterion: criterion, english: "is for no criterion of the rubric", persian: "به هیچ معیاری از شاخص‌های داوری مربوط نیست")
        case let .missing(criterion)?:
            throw .festivalScoreInvalid(criterion: criterion, english: "is missing", persian: "داده نشده است")
        case let .repeated(criterion)?:
            throw .festivalScoreInvalid(criterion: criterion, english: "is given twice", persian: "دو بار داده شده است")
        case let .outOfRange(criterion)?:
            throw .festivalScoreInvalid(
                criterion: criterion.id, english: "must be from \(criterion.minimum) to \(criterion.maximum)",
                persian: "باید از \(Digits.persian(criterion.minimum)) تا \(Digits.persian(criterion.maximum)) باشد")
        }
    }
}
