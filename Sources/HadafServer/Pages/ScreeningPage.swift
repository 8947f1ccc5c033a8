import Foundation
import HadafEvents
import HadafProjections

/// A university deputy's screening queue: the submissions of their university awaiting a
/// decision, oldest first, each with the number of near-identical earlier submissions flagged.
struct ScreeningPage: Sendable {
    static let template = "screening"

    let account: PageAccount
    let items: [Item]
    let hasItems: Bool
    let decidedTitle: String?

    struct Item: Sendable {
        let submissionId: String
        let title: String
        let kindName: String
        let since: String
        let duplicates: String?
    }

    init(account: PageAccount, queue: [ScreeningQueue.Item], day: (Int64) throws -> String, decided: String?) rethrows {
        self.account = account
        items = try queue.map { item in
            Item(
                submissionId: item.submissionId, title: item.title, kindName: PersianDisplay.kind(item.kind), since: try day(item.updatedPosition),
                duplicates: item.possibleDuplicates.isEmpty ? nil : Digits.persian(item.possibleDuplicates.count))
        }
        hasItems = !items.isEmpty
        decidedTitle = decided
    }
}

/// One submission as its screener reads it, with the near-identical earlier submissions and the
/// decision form: accept for evaluation, return for revision, or reject on a ground (a duplicate
/// names the submission it repeats).
struct ScreeningEntryPage: Sendable {
    static let template = "screening-entry"

    let account: PageAccount
    let csrfToken: String
    let submissionId: String
    let title: String
    let kindName: String
    let category: String
    let paragraphs: [Paragraph]
    let authors: String
    let duplicates: [Duplicate]
    let hasDuplicates: Bool
    let decisions: [Option]
    let grounds: [Option]
    let reason: String
    let errors: [Error]
    let formError: String?

    struct Paragraph: Sendable {
        let heading: String
        let text: String
    }

    struct Duplicate: Sendable {
        let submissionId: String
        let title: String
        let similarity: String
        let selected: Bool
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
        let inputId: String
    }

    struct Error: Sendable {
        let field: String
        let message: String
    }

    init(
        account: PageAccount, item: ScreeningQueue.Item, content: SubmissionContent, authors: [SubmissionAuthor],
        chosen: [String: String] = [:], errors: [String: String] = [:], formError: String? = nil
    ) {
        self.account = account
        csrfToken = account.csrfToken
        submissionId = item.submissionId
        title = content.title
        kindName = PersianDisplay.kind(item.kind)
        switch content {
        case let .idea(idea):
            category = idea.category.persianName
            paragraphs = [("خلاصه", idea.summary), ("مسئله", idea.problem), ("پیشنهاد", idea.proposal), ("اثر مورد انتظار", idea.expectedImpact)].map(Paragraph.init)
        case let .experience(experience):
            category = experience.category.persianName
            paragraphs = [
                ("خلاصه", experience.summary), ("زمان", "\(PersianDisplay.date(experience.startedOn)) تا \(PersianDisplay.date(experience.endedOn))"),
                ("محل اجرا", experience.place), ("نتیجه‌ها", experience.results),
                ("مستندات", experience.evidence.isEmpty ? "ندارد" : experience.evidence.map { "\($0.fileName) (\($0.mediaType))" }.joined(separator: "، ")),
            ].map(Paragraph.init)
        }
        self.authors = authors.map { "\($0.kind == .studentGroup ? "تشکل " : "")\($0.id) (\(Digits.persian($0.share))٪)" }.joined(separator: "، ")
        duplicates = item.possibleDuplicates.map { duplicate in
            Duplicate(
                submissionId: duplicate.submissionId, title: duplicate.title ?? duplicate.submissionId,
                similarity: Digits.persian(String(Int((duplicate.similarity * 100).rounded()))) + "٪", selected: chosen["duplicateOf"] == duplicate.submissionId)
        }
        hasDuplicates = !duplicates.isEmpty
        let decision = chosen["decision"] ?? ""
        decisions = [("accepted_for_evaluation", "پذیرش برای داوری"), ("returned_for_revision", "بازگرداندن برای اصلاح"), ("rejected", "رد")].map {
            Option(value: $0.0, label: $0.1, selected: decision == $0.0, inputId: "decision-\($0.0)")
        }
        grounds = [("duplicate", "تکراری"), ("out_of_scope", "بیرون از موضوع هدف"), ("other", "دلیل دیگر")].map {
            Option(value: $0.0, label: $0.1, selected: chosen["ground"] == $0.0, inputId: "ground-\($0.0)")
        }
        reason = chosen["reason"] ?? ""
        self.errors = errors.sorted { $0.key < $1.key }.map { Error(field: $0.key, message: $0.value) }
        self.formError = formError
    }
}
