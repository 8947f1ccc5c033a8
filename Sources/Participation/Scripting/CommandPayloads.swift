import Foundation
import HadafEvents

/// The JSON payload of each scripted command (docs/commands.md shows one of each).
public enum CommandPayload {
    public struct RegisterUniversity: Decodable, Sendable { let code, name, englishName: String; let province: String? }
    public struct RegisterCulturalDeputy: Decodable, Sendable { let university, name: String }
    public struct RegisterStudentGroup: Decodable, Sendable { let university, groupId, name: String }
    public struct AppointStaff: Decodable, Sendable { let officerId: String; let role: Actor.Role }
    public struct DismissStaff: Decodable, Sendable { let officerId, reason: String }
    public struct RegisterParticipant: Decodable, Sendable {
        let kind: Actor.Role
        let university, studentGroup: String?
        let displayName, nationalCode, email: String
    }
    /// A participant by id or by national code.
    public struct ParticipantReference: Decodable, Sendable { let participantId: String?; let nationalCode: String? }
    public struct DraftSurvey: Decodable, Sendable { let surveyId: String; let definition: SurveyDefinition }
    public struct SurveyReference: Decodable, Sendable { let surveyId: String }
    public struct AnswerSurvey: Decodable, Sendable { let surveyId: String; let answers: [String: SurveyAnswerValue] }
    public struct PublishRegulation: Decodable, Sendable { let regulationId: String; let kind: RegulationKind; let title: String; let articles: [RegulationArticle] }
    public struct OpenReviewRound: Decodable, Sendable { let regulationId: String; let deadline: Date; let audience: Audience }
    public struct Contribute: Decodable, Sendable {
        let regulationId, contributionId: String
        let kind: ArticleContributed.Kind
        let article: Int
        let text: String
        let rationale: String?
    }
    public struct ContributionReference: Decodable, Sendable { let regulationId, contributionId: String }
    public struct Endorse: Decodable, Sendable { let regulationId, proposalId: String }
    public struct AnswerProposal: Decodable, Sendable { let regulationId, proposalId: String; let verdict: ProposalVerdict; let reason: String }
    public struct FinaliseReview: Decodable, Sendable { let regulationId: String; let nextArticles: [RegulationArticle]? }
    /// Without `authors`, the submitter (or the group they represent) holds the whole credit.
    public struct DraftSubmission: Decodable, Sendable {
        let submissionId: String
        let authors: [SubmissionAuthor]?
        let content: SubmissionContent
        /// `submission.draft` only: true sends the draft to screening in the same act.
        let submit: Bool?

        public init(submissionId: String, authors: [SubmissionAuthor]? = nil, content: SubmissionContent, submit: Bool? = nil) {
            self.submissionId = submissionId
            self.authors = authors
            self.content = content
            self.submit = submit
        }
    }
    public struct SubmissionReference: Decodable, Sendable { let submissionId: String }
    public struct AdoptPolicy: Decodable, Sendable { let policy: IncentivePolicy }
    public struct ScreenSubmission: Decodable, Sendable {
        let submissionId: String
        let decision: SubmissionScreened.Decision
        let ground: SubmissionScreened.RejectionGround?
        let duplicateOf, reason: String?
    }
    public struct FestivalReference: Decodable, Sendable { let festivalId: String }
    /// A submission by id, or a university by code with the programme it competes with.
    public struct Nominate: Decodable, Sendable { let festivalId, categoryId: String; let submissionId, university, title, summary: String? }
    public struct ConfirmEntries: Decodable, Sendable {
        /// A submission by id, or a nominated university by code.
        public struct Choice: Decodable, Sendable { let categoryId: String; let submissionId, university: String? }
        let festivalId: String
        let entries: [Choice]
    }
    public struct FestivalEntryReason: Decodable, Sendable { let festivalId, entryId, reason: String }
    /// The juror by participant id or by national code.
    public struct AppointJuror: Decodable, Sendable { let festivalId, sectionId: String; let jurorId, nationalCode, university: String? }
    /// A score for an entry by its id, or by the neutral number its jurors see (``Festivals/neutralNumbers(_:)``).
    public struct ScoreEntry: Decodable, Sendable { let festivalId: String; let entryId: String?; let entryNumber: Int?; let scores: [CriterionScore] }
    public struct AllocateBudget: Decodable, Sendable { let university: String; let academicYear: Int; let lineId, title: String; let rials: WholeNumber }
    /// The recipient by id (a participant, `group:<id>`, `university:<code>`, `deputy:<code>`)
    /// or, for a participant, by national code.
    public struct IssueAward: Decodable, Sendable {
        let recipient, nationalCode: String?
        let kind: AwardKind
        let academicYear: Int
        let university: String?
        let rials: WholeNumber?
        let budgetLine: String?
        let promotionPoints: Double?
        let festivalId, entryId: String?
    }
    public struct AwardReference: Decodable, Sendable { let awardId: String }
    public struct RevokeAward: Decodable, Sendable { let awardId, reason: String }
}
