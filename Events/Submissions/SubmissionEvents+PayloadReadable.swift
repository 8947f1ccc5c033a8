import EventStore
import Foundation

extension SubmissionDrafted: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            submissionId: try payload.string("submissionId"), submitter: try payload.string("submitter"),
            university: try payload.string("university"), authors: try payload.objects("authors", SubmissionAuthor.init(payload:)),
            content: try SubmissionContent(payload: payload.object("content")))
    }
}

extension SubmissionRevised: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(authors: try payload.objects("authors", SubmissionAuthor.init(payload:)), content: try SubmissionContent(payload: payload.object("content")))
    }
}

extension SubmissionAuthor: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(kind: try payload.value(Kind.self, "kind"), id: try payload.string("id"), share: try payload.int("share"))
    }
}

extension SubmissionSubmitted: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(possibleDuplicates: try payload.objects("possibleDuplicates") { duplicate in
            guard case let .number(similarity)? = duplicate["similarity"] else { throw duplicate.mismatch(Double.self, "similarity") }
            return PossibleDuplicate(submissionId: try duplicate.string("submissionId"), similarity: similarity)
        })
    }
}

extension SubmissionScreened: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            decision: try payload.value(Decision.self, "decision"), ground: try payload.optionalValue(RejectionGround.self, "ground"),
            duplicateOf: try payload.optionalString("duplicateOf"), reason: try payload.optionalString("reason"))
    }
}

extension SubmissionContent: PayloadReadable {
    init(payload: JSONObject) throws {
        guard payload.members.count == 1, let member = payload.members.first, case let .object(content) = member.value else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "content has exactly one of idea, experience"))
        }
        switch member.key {
        case "idea": self = .idea(try IdeaContent(payload: content))
        case "experience": self = .experience(try ExperienceContent(payload: content))
        default: throw payload.mismatch(SubmissionContent.self, member.key)
        }
    }
}

extension IdeaContent: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            title: try payload.string("title"), summary: try payload.string("summary"), problem: try payload.string("problem"),
            proposal: try payload.string("proposal"), expectedImpact: try payload.string("expectedImpact"),
            category: try payload.value(SubmissionCategory.self, "category"))
    }
}

extension ExperienceContent: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            title: try payload.string("title"), summary: try payload.string("summary"),
            startedOn: try payload.decoded(Date.self, "startedOn"), endedOn: try payload.decoded(Date.self, "endedOn"),
            place: try payload.string("place"), results: try payload.string("results"), category: try payload.value(SubmissionCategory.self, "category"),
            evidence: try payload.objects("evidence") { evidence in
                EvidenceReference(
                    sha256: try evidence.string("sha256"), fileName: try evidence.string("fileName"),
                    mediaType: try evidence.string("mediaType"), byteCount: try evidence.int("byteCount"))
            },
            carriesOutIdea: try payload.optionalString("carriesOutIdea"))
    }
}
