import EventStore
import Foundation
@testable import HadafEvents
import Testing

/// The log's payload reader gives exactly what Foundation's JSONDecoder gives, for every event
/// that reads itself field by field and for the rest through the Codable path.
@Suite("Decoding payloads")
struct PayloadDecodingTests {
    private static let idea = SubmissionContent.idea(IdeaContent(
        title: "کتاب‌خوانی", summary: "حلقه‌های \"کتاب\"\nهفتگی", problem: "کم", proposal: "هفتگی", expectedImpact: "بیشتر", category: .literary))
    private static let experience = SubmissionContent.experience(ExperienceContent(
        title: "اردو", summary: "جهادی", startedOn: Date(timeIntervalSince1970: 1_760_000_000.123), endedOn: Date(timeIntervalSince1970: 1_760_086_400),
        place: "یزد", results: "۳۰ نفر", category: .volunteering,
        evidence: [EvidenceReference(sha256: String(repeating: "ab", count: 32), fileName: "گزارش.pdf", mediaType: "application/pdf", byteCount: 20480)],
        carriesOutIdea: "sub-1"))

    /// One sample of each case and optional of the events read field by field.
    static let samples: [any DomainEvent] = [
        SurveyAnswered(respondent: "p-1", respondentKind: "student", university: "ut", answers: [
            "q1": .choice("تئاتر"), "q2": .choices(["کارگاه", "اردو"]), "q3": .number(4), "q4": .number(7.5), "q5": .text("خوب \\ بود"),
        ], isRevision: false),
        SurveyAnswered(respondent: "p-2", respondentKind: "faculty", university: nil, answers: [:], isRevision: true),
        SurveyAnsweredAnonymously(pseudonym: "x-9", respondentKind: "student", university: "um", answers: ["q1": .choices([])], isRevision: false),
        SurveyParticipationCredited(surveyId: "s-1", participantId: "p-1"),
        ArticleContributed(contributionId: "c-1", kind: .amendment, round: 2, article: 7, author: "p-3", text: "متن", rationale: "چرا", isRevision: true),
        ArticleContributed(contributionId: "c-2", kind: .comment, round: 1, article: 1, author: "p-4", text: "نظر", rationale: nil, isRevision: false),
        ContributionWithdrawn(contributionId: "c-1"),
        ProposalEndorsed(proposalId: "c-1", endorser: "p-5"),
        ProposalAnswered(proposalId: "c-1", verdict: .partlyAdopted, reason: "بخشی"),
        SubmissionDrafted(submissionId: "sub-1", submitter: "p-1", university: "ut", authors: [
            SubmissionAuthor(kind: .participant, id: "p-1", share: 60), SubmissionAuthor(kind: .studentGroup, id: "g-1", share: 40),
        ], content: idea),
        SubmissionRevised(authors: [SubmissionAuthor(kind: .participant, id: "p-1", share: 100)], content: experience),
        SubmissionSubmitted(possibleDuplicates: [PossibleDuplicate(submissionId: "sub-0", similarity: 0.8125)]),
        SubmissionSubmitted(possibleDuplicates: []),
        SubmissionScreened(decision: .rejected, ground: .duplicate, duplicateOf: "sub-0", reason: "تکراری"),
        SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil),
        ParticipantRegistered(participantId: "p-1", kind: "student_group_representative", university: "ut", studentGroup: "g-1", personal: "AAAA", sealing: "aes-256-gcm/v1"),
        ParticipantRegistered(participantId: "p-2", kind: "ministry_officer", university: nil, studentGroup: nil, personal: "BBBB", sealing: "aes-256-gcm/v1"),
        UniversityRegistered(code: "yazd", name: "دانشگاه یزد", englishName: "Yazd University", province: "یزد"),
        FestivalEntryScored(entryId: "sub-1", jurorId: "juror-1", scores: [CriterionScore(criterion: "impact", score: 0), CriterionScore(criterion: "originality", score: 10)]),
        AwardIssued(
            awardId: "ut-1404-3", recipient: "p-1", university: "ut", kind: .educationalGrant, academicYear: 1404, policyVersion: "1404.1",
            basis: AwardBasis(readAt: 9_007_199_254, positions: [3, 17, 4096], points: 112.5), rials: 250_000_000, budgetLine: "ut-edu",
            promotionPoints: nil, verificationCode: "H7K2-9QXD", issuedBy: "deputy-ut", awaitsSecondApproval: true),
        AwardIssued(
            awardId: "ut-1404-4", recipient: "p-2", university: "ut", kind: .festivalPrize, academicYear: 1404, policyVersion: "1404.1",
            basis: AwardBasis(readAt: 12, positions: [], points: 0, festivalId: "f-1404", entryId: "sub-1"), rials: nil, budgetLine: nil,
            promotionPoints: 2.5, verificationCode: "AAAA-BBBB", issuedBy: "ministry-1", awaitsSecondApproval: false),
    ]

    private static func recorded<E: DomainEvent>(_ event: E) throws -> RecordedEvent {
        let envelope = try NewEvent(event, metadata: EventMetadata())
        return RecordedEvent(
            position: 1, id: envelope.id, stream: "s-1", streamVersion: 1, type: envelope.type, schemaVersion: envelope.schemaVersion,
            payload: envelope.payload, metadataJSON: Data("{}".utf8), recordedAtMilliseconds: 0, hash: Data())
    }

    private static func foundationDecoded<E: DomainEvent>(_: E.Type, _ payload: Data) throws -> E {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(E.self, from: payload)
    }

    @Test(arguments: samples.indices)
    func theReaderAgreesWithJSONDecoder(_ index: Int) throws {
        func check<E: DomainEvent>(_ event: E) throws {
            let stored = try Self.recorded(event)
            let read = try #require(try stored.decode(as: E.self))
            #expect(read == event)
            #expect(read == (try Self.foundationDecoded(E.self, stored.payload)))
        }
        try check(Self.samples[index])
    }

    @Test func everyHotEventReadsItselfFieldByField() {
        let readable = Self.samples.filter { $0 is any PayloadReadable }
        #expect(readable.count == Self.samples.count - 1)
    }

    private func stored(_ type: String, _ payload: String) -> RecordedEvent {
        RecordedEvent(
            position: 1, id: UUID(), stream: "s", streamVersion: 1, type: type, schemaVersion: 1,
            payload: Data(payload.utf8), metadataJSON: Data("{}".utf8), recordedAtMilliseconds: 0, hash: Data())
    }

    /// Survey answers that no reader may accept.
    static let malformedAnswers = [
        #"{"respondent":"p-1","respondentKind":"student","answers":{"q1":{"choice":3}},"isRevision":false}"#,
        #"{"respondent":"p-1","respondentKind":"student","answers":{"q1":{"choice":"a","text":"b"}},"isRevision":false}"#,
        #"{"respondentKind":"student","answers":{},"isRevision":false}"#,
        #"{"respondent":"p-1","respondentKind":"student","answers":{},"isRevision":"no"}"#,
        #"{"respondent":"p-1","respondentKind":"student","answers":[],"isRevision":false}"#,
        #"{"respondent":"p-1","respondentKind":"student","answers":{"q1":[]},"isRevision":false}"#,
        #"{"respondent":"p-1","respondentKind":"student","answers":{},"isRevision":false} x"#,
    ]

    @Test(arguments: malformedAnswers)
    func aMalformedPayloadIsRefusedByBothReaders(_ payload: String) {
        let event = stored(SurveyAnswered.eventType, payload)
        #expect(throws: (any Error).self) { try event.decode(as: SurveyAnswered.self) }
        #expect(throws: (any Error).self) { try Self.foundationDecoded(SurveyAnswered.self, event.payload) }
    }

    @Test(arguments: samples.indices)
    func theRespondentSkimAgreesWithTheWholeAnswer(_ index: Int) throws {
        func check<E: DomainEvent>(_ event: E) throws {
            let stored = try Self.recorded(event)
            let whole = try stored.decode(as: SurveyAnswered.self)
            #expect(try SurveyAnswered.respondent(of: stored) == whole.map { SurveyAnswered.Respondent(respondent: $0.respondent, isRevision: $0.isRevision) })
        }
        try check(Self.samples[index])
    }

    @Test(arguments: [
        #"{"respondent":"p-1","answers":{"q1":{"choice":"a"},"isRevision":false}"#,
        #"{"respondentKind":"student","answers":{},"isRevision":false}"#,
        #"{"respondent":"p-1","answers":{},"isRevision":"no"}"#,
        #"{"respondent":"p-1","answers":{},"isRevision":false} x"#,
    ])
    func theRespondentSkimRefusesWhatTheReaderRefuses(_ payload: String) {
        let event = stored(SurveyAnswered.eventType, payload)
        #expect(throws: (any Error).self) { try SurveyAnswered.respondent(of: event) }
    }

    @Test(arguments: samples.indices)
    func theResponseReadingAgreesWithTheWholeAnswer(_ index: Int) throws {
        let stored = try Self.recorded(Self.samples[index])
        func expected(_ respondent: String, _ kind: String, _ university: String?, _ answers: [String: SurveyAnswerValue], _ isRevision: Bool) -> SurveyResponse.Expected {
            .init(respondent: respondent, kind: kind, university: university, answers: answers.sorted { $0.key < $1.key }.map { .init(question: $0.key, value: $0.value) }, isRevision: isRevision)
        }
        let whole = try stored.decode(as: SurveyAnswered.self).map { expected($0.respondent, $0.respondentKind, $0.university, $0.answers, $0.isRevision) }
            ?? stored.decode(as: SurveyAnsweredAnonymously.self).map { expected($0.pseudonym, $0.respondentKind, $0.university, $0.answers, $0.isRevision) }
        #expect(try SurveyResponse.of(stored).map(SurveyResponse.Expected.init) == whole)
    }

    /// Answers written in any order come in question-id order, a repeated question keeping its
    /// last answer as the decoded dictionary does, and are found by their question.
    @Test func aResponsesAnswersComeInQuestionOrder() throws {
        let payload = #"{"respondent":"p-1","respondentKind":"student","answers":{"q3":{"number":3},"q1":{"choice":"a"},"q3":{"number":4},"q2":{"text":"t"}},"isRevision":false}"#
        let response = try #require(try SurveyResponse.of(stored(SurveyAnswered.eventType, payload)))
        #expect(response.answers == [.init(question: "q1", value: .choice("a")), .init(question: "q2", value: .text("t")), .init(question: "q3", value: .number(4))])
        #expect(response.answers.map(\.value) == ["q1", "q2", "q3"].map { try? stored(SurveyAnswered.eventType, payload).decode(as: SurveyAnswered.self)?.answers[$0] })
        #expect(response.answer(to: "q1") == .choice("a") && response.answer(to: "q3") == .number(4) && response.answer(to: "q2") == .text("t"))
        #expect(response.answer(to: "q0") == nil && response.answer(to: "q4") == nil && response.answer(to: "q25") == nil)
        #expect(response.university == nil)
    }

    @Test(arguments: malformedAnswers)
    func theResponseReadingRefusesWhatTheReaderRefuses(_ payload: String) {
        #expect(throws: (any Error).self) { try SurveyResponse.of(stored(SurveyAnswered.eventType, payload)) }
        #expect(throws: (any Error).self) { try SurveyResponse.of(stored(SurveyAnsweredAnonymously.eventType, payload.replacingOccurrences(of: "respondent\"", with: "pseudonym\""))) }
    }

    @Test(arguments: samples.indices)
    func theAuthorshipSkimAgreesWithTheWholeSubmission(_ index: Int) throws {
        let stored = try Self.recorded(Self.samples[index])
        let whole: (authors: [SubmissionAuthor], content: SubmissionContent)? =
            if let drafted = try stored.decode(as: SubmissionDrafted.self) { (drafted.authors, drafted.content) }
            else if let revised = try stored.decode(as: SubmissionRevised.self) { (revised.authors, revised.content) }
            else { nil }
        let expected = whole.map { whole in
            let isIdea: Bool = if case .idea = whole.content { true } else { false }
            return SubmissionAuthorship(authors: whole.authors, isIdea: isIdea)
        }
        #expect(try SubmissionAuthorship.of(stored) == expected)
    }

    @Test(arguments: [
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"poem":{}}}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"idea":{},"experience":{}}}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":"idea"}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[{"kind":"teacher","id":"p","share":100}],"content":{"idea":{}}}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"idea":{"title":}}}"#,
    ])
    func theAuthorshipSkimRefusesABadKindOrBadJSON(_ payload: String) {
        let event = stored(SubmissionDrafted.eventType, payload)
        #expect(throws: (any Error).self) { try SubmissionAuthorship.of(event) }
    }

    @Test(arguments: samples.indices)
    func theHeadingSkimAgreesWithTheWholeSubmission(_ index: Int) throws {
        let stored = try Self.recorded(Self.samples[index])
        func heading(_ content: SubmissionContent, _ authors: [SubmissionAuthor], _ submitter: String?, _ university: String?) -> SubmissionHeading {
            switch content {
            case let .idea(idea):
                SubmissionHeading(isIdea: true, title: idea.title, category: idea.category, authors: authors, submitter: submitter, university: university)
            case let .experience(experience):
                SubmissionHeading(isIdea: false, title: experience.title, category: experience.category, authors: authors, submitter: submitter, university: university)
            }
        }
        let expected: SubmissionHeading? =
            if let drafted = try stored.decode(as: SubmissionDrafted.self) { heading(drafted.content, drafted.authors, drafted.submitter, drafted.university) }
            else if let revised = try stored.decode(as: SubmissionRevised.self) { heading(revised.content, revised.authors, nil, nil) }
            else { nil }
        #expect(try SubmissionHeading.of(stored) == expected)
    }

    @Test(arguments: [
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"poem":{"title":"t","category":"artistic"}}}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"idea":"t"}}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"idea":{"title":"t"}}}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"idea":{"title":"t","category":"poetry"}}}"#,
        #"{"submissionId":"s","submitter":"p","authors":[],"content":{"idea":{"title":"t","category":"artistic"}}}"#,
        #"{"submissionId":"s","submitter":"p","university":"ut","authors":[],"content":{"idea":{"title":"t","category":"artistic","summary":}}}"#,
    ])
    func theHeadingSkimRefusesABadKindOrBadJSON(_ payload: String) {
        let event = stored(SubmissionDrafted.eventType, payload)
        #expect(throws: (any Error).self) { try SubmissionHeading.of(event) }
    }

    @Test func anUnknownEnumValueIsRefused() {
        let event = stored(SubmissionScreened.eventType, #"{"decision":"maybe"}"#)
        #expect(throws: DecodingError.self) { try event.decode(as: SubmissionScreened.self) }
    }
}

extension SurveyResponse {
    /// A response's fields, to compare with what the whole event decodes to.
    struct Expected: Equatable {
        let respondent: String, kind: String, university: String?, answers: [Answer], isRevision: Bool
    }
}

extension SurveyResponse.Expected {
    init(_ response: SurveyResponse) {
        self.init(respondent: response.respondent, kind: response.respondentKind, university: response.university, answers: response.answers, isRevision: response.isRevision)
    }
}
