import Foundation
import HadafEvents

/// The checks of a submission's authors, content and screening decisions.
enum SubmissionCheck {
    /// Authors when drafting: the submitter (or, for a representative, their group) is one.
    static func authors(_ authors: [SubmissionAuthor], submitter: ParticipantDirectory.Member) throws(DomainError) {
        if submitter.actor.role == .studentGroupRepresentative, submitter.studentGroup == nil { throw .required(field: "studentGroup") }
        try Self.authors(
            authors, submitterId: submitter.actor.id,
            representedGroup: submitter.actor.role == .studentGroupRepresentative ? submitter.studentGroup : nil)
    }

    /// Shares of 1 to 100 that sum to 100, no author twice, and the submitter (or their group)
    /// among the authors.
    static func authors(_ authors: [SubmissionAuthor], submitterId: String, representedGroup: String?) throws(DomainError) {
        guard !authors.isEmpty, authors.allSatisfy({ (1...100).contains($0.share) }), authors.reduce(0, { $0 + $1.share }) == 100 else {
            throw .sharesInvalid
        }
        guard Set(authors.map { "\($0.kind.rawValue):\($0.id)" }).count == authors.count else { throw .authorRepeated }
        let submitterListed = authors.contains { $0.kind == .participant && $0.id == submitterId }
        let groupListed = representedGroup.map { group in authors.contains { $0.kind == .studentGroup && $0.id == group } } ?? false
        guard submitterListed || groupListed else { throw .submitterNotAuthor }
    }

    /// What a submission must have before it goes to screening, one problem per field.
    static func completeness(of content: SubmissionContent, now: Date) -> [DomainError] {
        var problems: [DomainError] = []
        func text(_ value: String, _ field: String) {
            do throws(DomainError) { try Validate.text(value, field: field) } catch { problems.append(error) }
        }
        switch content {
        case let .idea(idea):
            text(idea.summary, "summary")
            text(idea.problem, "problem")
            text(idea.proposal, "proposal")
            text(idea.expectedImpact, "expectedImpact")
        case let .experience(experience):
            text(experience.summary, "summary")
            text(experience.place, "place")
            text(experience.results, "results")
            if experience.startedOn > experience.endedOn || experience.endedOn > now { problems.append(.experienceDatesInvalid) }
            if experience.evidence.isEmpty { problems.append(.required(field: "evidence")) }
            for evidence in experience.evidence where !isSHA256(evidence.sha256) || evidence.byteCount <= 0 {
                problems.append(.evidenceInvalid(evidence.fileName))
            }
        }
        return problems
    }

    static func screening(_ decision: SubmissionScreened) throws(DomainError) {
        if decision.decision != .acceptedForEvaluation { try Validate.text(decision.reason ?? "", field: "reason") }
        if decision.decision == .rejected, decision.ground == nil { throw .required(field: "ground") }
        if decision.ground == .duplicate, decision.duplicateOf == nil { throw .required(field: "duplicateOf") }
    }

    private static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
