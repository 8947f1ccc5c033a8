import Foundation
import HadafEvents
import HadafProjections

/// A regulation under review, article by article: each article's text, what has been said on it
/// (the person's own contributions marked, with the answers they received; others' unnamed), and,
/// while the round takes their contributions, a form for a comment or a proposed amendment, a
/// button to endorse another's proposal and one to withdraw one's own contribution.
struct RegulationPage: Sendable {
    static let template = "regulation"

    let account: PageAccount
    let csrfToken: String
    let regulationId: String
    let title: String
    let version: String
    let deadline: String?
    let open: Bool
    let articles: [Article]

    struct Article: Sendable {
        let number: String
        let anchor: String
        let value: String
        let text: String
        let contributions: [Contribution]
        let hasContributions: Bool
        let isComment: Bool
        let draftText: String
        let draftRationale: String
        let textError: String?
        let rationaleError: String?
        let formError: String?
        let idempotencyKey: String
    }

    struct Contribution: Sendable {
        let contributionId: String
        let kindName: String
        let text: String
        let rationale: String?
        let mine: Bool
        let withdrawn: Bool
        let endorsements: String?
        let verdict: String?
        let reason: String?
        /// While the round is open: one's own unanswered contribution may be withdrawn, and
        /// another's unanswered proposal endorsed.
        let mayWithdraw: Bool
        let mayEndorse: Bool
        /// The round's deadline has passed and the ministry officer may answer this proposal.
        let mayAnswer: Bool
    }

    /// What a person sent to one article and was refused, with the reasons by field (`text`,
    /// `rationale`) and the one for the form.
    struct Draft: Sendable {
        let article: Int
        let kind: String
        let text: String
        let rationale: String
        let errors: [String: String]
        let formError: String?
    }

    /// The page of `digest` for `participant`, with their refused `draft` when there is one;
    /// `answers` when a ministry officer reads it after the round's deadline.
    init(account: PageAccount, participant: String, digest: RegulationDigest, listing: RegulationListing?, answers: Bool = false, draft: Draft? = nil) {
        self.account = account
        csrfToken = account.csrfToken
        regulationId = digest.regulationId
        title = digest.title
        version = Digits.persian(digest.version)
        deadline = listing.map { PersianDisplay.lastDay(before: $0.deadline) }
        open = listing != nil
        articles = digest.articles.map { article in
            let drafted = draft?.article == article.number ? draft : nil
            let contributions = article.contributions.map { contribution in
                let mine = contribution.author == participant
                let answerable = listing != nil && !contribution.withdrawn && contribution.verdict == nil
                return Contribution(
                    contributionId: contribution.id, kindName: contribution.kind == "comment" ? "نظر" : "پیشنهاد اصلاح", text: contribution.text, rationale: contribution.rationale,
                    mine: contribution.author == participant, withdrawn: contribution.withdrawn,
                    endorsements: contribution.endorsements > 0 ? Digits.persian(contribution.endorsements) : nil,
                    verdict: contribution.verdict.map(Self.verdict), reason: contribution.reason,
                    mayWithdraw: answerable && mine, mayEndorse: answerable && !mine && contribution.kind == "amendment",
                    mayAnswer: answers && contribution.kind == "amendment" && !contribution.withdrawn && contribution.verdict == nil)
            }
            return Article(
                number: Digits.persian(article.number), anchor: "article-\(article.number)", value: String(article.number), text: article.text,
                contributions: contributions, hasContributions: !contributions.isEmpty, isComment: drafted?.kind != "amendment",
                draftText: drafted?.text ?? "", draftRationale: drafted?.rationale ?? "",
                textError: drafted?.errors["text"], rationaleError: drafted?.errors["rationale"], formError: drafted?.formError,
                idempotencyKey: UUID().uuidString.lowercased())
        }
    }

    private static func verdict(_ code: String) -> String {
        switch code {
        case "adopted": "پذیرفته شد"
        case "partly_adopted": "بخشی از آن پذیرفته شد"
        case "rejected": "پذیرفته نشد"
        default: code
        }
    }
}
