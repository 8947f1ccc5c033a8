import EventStore
import Foundation
import HadafEvents

/// One command as a script (`hadaf exec`) or the JSON API sends it:
/// `{"command": "survey.answer", "actor": {"id": "p-…"}, "payload": {…}, "idempotencyKey": "…", "at": "2026-11-21T08:30:00Z"}`.
///
/// The actor's role is needed for officers' commands; for a participant's own commands (answers,
/// contributions, submissions) the role comes from their registration, and the actor may be
/// named by national code.
public struct CommandRequest: Decodable, Sendable {
    public let name: String
    public let actor: ActorReference
    public let command: Command
    public let idempotencyKey: String?
    /// When the act occurred, for acts recorded after the fact; now otherwise.
    public let at: Date?

    /// Every command the participation layer runs.
    public enum Command: Sendable {
        case registerUniversity(CommandPayload.RegisterUniversity)
        case registerCulturalDeputy(CommandPayload.RegisterCulturalDeputy)
        case registerStudentGroup(CommandPayload.RegisterStudentGroup)
        case appointStaff(CommandPayload.AppointStaff)
        case dismissStaff(CommandPayload.DismissStaff)
        case registerParticipant(CommandPayload.RegisterParticipant)
        case eraseParticipant(CommandPayload.ParticipantReference)
        case draftSurvey(CommandPayload.DraftSurvey)
        case publishSurvey(CommandPayload.SurveyReference)
        case closeSurvey(CommandPayload.SurveyReference)
        case answerSurvey(CommandPayload.AnswerSurvey)
        case publishRegulation(CommandPayload.PublishRegulation)
        case openReviewRound(CommandPayload.OpenReviewRound)
        case contribute(CommandPayload.Contribute)
        case withdrawContribution(CommandPayload.ContributionReference)
        case endorse(CommandPayload.Endorse)
        case answerProposal(CommandPayload.AnswerProposal)
        case finaliseReview(CommandPayload.FinaliseReview)
        case draftSubmission(CommandPayload.DraftSubmission)
        case reviseSubmission(CommandPayload.DraftSubmission)
        case submitSubmission(CommandPayload.SubmissionReference)
        case withdrawSubmission(CommandPayload.SubmissionReference)
        case screenSubmission(CommandPayload.ScreenSubmission)
        case adoptPolicy(CommandPayload.AdoptPolicy)
        case openFestival(FestivalOpened)
        case closeFestivalCall(CommandPayload.FestivalReference)
        case nominateEntry(CommandPayload.Nominate)
        case confirmEntries(CommandPayload.ConfirmEntries)
        case withdrawEntry(CommandPayload.FestivalEntryReason)
        case appointJuror(CommandPayload.AppointJuror)
        case declareConflict(CommandPayload.FestivalEntryReason)
        case assignJurors(CommandPayload.FestivalReference)
        case scoreEntry(CommandPayload.ScoreEntry)
        case announceWinners(CommandPayload.FestivalReference)
        case allocateBudget(CommandPayload.AllocateBudget)
        case issueAward(CommandPayload.IssueAward)
        case approveAward(CommandPayload.AwardReference)
        case revokeAward(CommandPayload.RevokeAward)
    }

    /// The command names, as scripts write them.
    public static let names = [
        "university.register", "university.register_cultural_deputy", "university.register_student_group",
        "staff.appoint", "staff.dismiss",
        "participant.register", "participant.erase",
        "survey.draft", "survey.publish", "survey.close", "survey.answer",
        "regulation.publish", "regulation.open_round", "regulation.contribute", "regulation.withdraw",
        "regulation.endorse", "regulation.answer", "regulation.finalise",
        "submission.draft", "submission.revise", "submission.submit", "submission.withdraw", "submission.screen",
        "policy.adopt",
        "festival.open", "festival.close_call", "festival.nominate", "festival.confirm_entries", "festival.withdraw_entry",
        "festival.appoint_juror", "festival.declare_conflict", "festival.assign_jurors", "festival.score", "festival.announce_winners",
        "award.allocate_budget", "award.issue", "award.approve", "award.revoke",
    ]

    private enum Key: String, CodingKey {
        case command, actor, payload, idempotencyKey, at
    }

    /// Who acts: a participant or operator id, or (for a registered participant) their national
    /// code, which scripts know where ids are not; and the role, which officers' commands need.
    public struct ActorReference: Decodable, Sendable {
        public let id: String?
        public let nationalCode: String?
        public let role: Actor.Role?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        name = try container.decode(String.self, forKey: .command)
        actor = try container.decode(ActorReference.self, forKey: .actor)
        guard actor.id != nil || actor.nationalCode != nil else {
            throw DecodingError.dataCorruptedError(forKey: .actor, in: container, debugDescription: "the actor needs an id or a nationalCode")
        }
        idempotencyKey = try container.decodeIfPresent(String.self, forKey: .idempotencyKey)
        at = try container.decodeIfPresent(Date.self, forKey: .at)
        let commandName = name
        command = try Self.command(named: commandName, from: MemberPayload(container: container)) {
            DecodingError.dataCorruptedError(forKey: .command, in: container, debugDescription: "unknown command '\(commandName)'")
        }
    }

    /// A request whose actor the caller has established (the server's signed-in account) and
    /// whose payload arrives alone, as the JSON API's body: `POST /api/v1/commands/survey.answer`.
    public init(name: String, actor: Actor, payload: Data, idempotencyKey: String?) throws(DomainError) {
        self.name = name
        self.actor = ActorReference(id: actor.id, nationalCode: nil, role: actor.role)
        self.idempotencyKey = idempotencyKey
        at = nil
        let decoder = Self.jsonDecoder()
        do {
            command = try Self.command(named: name, from: BodyPayload(body: payload, decoder: decoder)) {
                DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown command '\(name)'"))
            }
        } catch let error as DecodingError {
            throw .malformedCommand(error.explanation, field: error.field)
        } catch {
            throw .malformedCommand(String(describing: error))
        }
    }

    /// `submission.draft` as a caller that has built the submission's content already sends it
    /// (the server's form handler): no JSON is written to be read back.
    public static func draftSubmission(_ payload: CommandPayload.DraftSubmission, actor: Actor, idempotencyKey: String?) -> CommandRequest {
        CommandRequest(name: "submission.draft", actor: actor, command: .draftSubmission(payload), idempotencyKey: idempotencyKey)
    }

    private init(name: String, actor: Actor, command: Command, idempotencyKey: String?) {
        self.name = name
        self.actor = ActorReference(id: actor.id, nationalCode: nil, role: actor.role)
        self.command = command
        self.idempotencyKey = idempotencyKey
        at = nil
    }

    /// Where a command's payload is read from: the `payload` member of a whole request, or a
    /// body that is the payload alone.
    private protocol PayloadSource {
        func read<P: Decodable>(_ type: P.Type) throws -> P
    }

    private struct MemberPayload: PayloadSource {
        let container: KeyedDecodingContainer<Key>
        func read<P: Decodable>(_ type: P.Type) throws -> P { try container.decode(P.self, forKey: .payload) }
    }

    private struct BodyPayload: PayloadSource {
        let body: Data
        let decoder: JSONDecoder
        func read<P: Decodable>(_ type: P.Type) throws -> P { try decoder.decode(P.self, from: body) }
    }

    /// The command `name` names, its payload read from `source`.
    private static func command(named name: String, from source: some PayloadSource, unknown: () -> DecodingError) throws -> Command {
        func read<P: Decodable>(_ type: P.Type) throws -> P { try source.read(type) }
        return switch name {
        case "university.register": .registerUniversity(try read(CommandPayload.RegisterUniversity.self))
        case "university.register_cultural_deputy": .registerCulturalDeputy(try read(CommandPayload.RegisterCulturalDeputy.self))
        case "university.register_student_group": .registerStudentGroup(try read(CommandPayload.RegisterStudentGroup.self))
        case "staff.appoint": .appointStaff(try read(CommandPayload.AppointStaff.self))
        case "staff.dismiss": .dismissStaff(try read(CommandPayload.DismissStaff.self))
        case "participant.register": .registerParticipant(try read(CommandPayload.RegisterParticipant.self))
        case "participant.erase": .eraseParticipant(try read(CommandPayload.ParticipantReference.self))
        case "survey.draft": .draftSurvey(try read(CommandPayload.DraftSurvey.self))
        case "survey.publish": .publishSurvey(try read(CommandPayload.SurveyReference.self))
        case "survey.close": .closeSurvey(try read(CommandPayload.SurveyReference.self))
        case "survey.answer": .answerSurvey(try read(CommandPayload.AnswerSurvey.self))
        case "regulation.publish": .publishRegulation(try read(CommandPayload.PublishRegulation.self))
        case "regulation.open_round": .openReviewRound(try read(CommandPayload.OpenReviewRound.self))
        case "regulation.contribute": .contribute(try read(CommandPayload.Contribute.self))
        case "regulation.withdraw": .withdrawContribution(try read(CommandPayload.ContributionReference.self))
        case "regulation.endorse": .endorse(try read(CommandPayload.Endorse.self))
        case "regulation.answer": .answerProposal(try read(CommandPayload.AnswerProposal.self))
        case "regulation.finalise": .finaliseReview(try read(CommandPayload.FinaliseReview.self))
        case "submission.draft": .draftSubmission(try read(CommandPayload.DraftSubmission.self))
        case "submission.revise": .reviseSubmission(try read(CommandPayload.DraftSubmission.self))
        case "submission.submit": .submitSubmission(try read(CommandPayload.SubmissionReference.self))
        case "submission.withdraw": .withdrawSubmission(try read(CommandPayload.SubmissionReference.self))
        case "submission.screen": .screenSubmission(try read(CommandPayload.ScreenSubmission.self))
        case "policy.adopt": .adoptPolicy(try read(CommandPayload.AdoptPolicy.self))
        case "festival.open": .openFestival(try read(FestivalOpened.self))
        case "festival.close_call": .closeFestivalCall(try read(CommandPayload.FestivalReference.self))
        case "festival.nominate": .nominateEntry(try read(CommandPayload.Nominate.self))
        case "festival.confirm_entries": .confirmEntries(try read(CommandPayload.ConfirmEntries.self))
        case "festival.withdraw_entry": .withdrawEntry(try read(CommandPayload.FestivalEntryReason.self))
        case "festival.appoint_juror": .appointJuror(try read(CommandPayload.AppointJuror.self))
        case "festival.declare_conflict": .declareConflict(try read(CommandPayload.FestivalEntryReason.self))
        case "festival.assign_jurors": .assignJurors(try read(CommandPayload.FestivalReference.self))
        case "festival.score": .scoreEntry(try read(CommandPayload.ScoreEntry.self))
        case "festival.announce_winners": .announceWinners(try read(CommandPayload.FestivalReference.self))
        case "award.allocate_budget": .allocateBudget(try read(CommandPayload.AllocateBudget.self))
        case "award.issue": .issueAward(try read(CommandPayload.IssueAward.self))
        case "award.approve": .approveAward(try read(CommandPayload.AwardReference.self))
        case "award.revoke": .revokeAward(try read(CommandPayload.RevokeAward.self))
        default: throw unknown()
        }
    }

    /// Decodes one request from JSON text; dates are ISO 8601 UTC instants (or milliseconds).
    public static func decode(_ json: Data) throws(DomainError) -> CommandRequest {
        do {
            return try jsonDecoder().decode(CommandRequest.self, from: json)
        } catch let error as DecodingError {
            throw .malformedCommand(error.explanation, field: error.field)
        } catch {
            throw .malformedCommand(String(describing: error))
        }
    }

    /// JSON as requests are written: dates as ISO 8601 UTC instants (or milliseconds).
    private static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let milliseconds = try? container.decode(Int64.self) { return Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
            let text = try container.decode(String.self)
            guard let milliseconds = UTCTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 UTC instant such as 2026-11-21T08:30:00Z")
            }
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
        return decoder
    }
}

extension DecodingError {
    /// The innermost named key of the path at fault (`rials` for `payload.rials`), for the
    /// refusal's field; nil when the whole document is at fault.
    var field: String? {
        let context: Context? = switch self {
        case let .keyNotFound(key, context): context.codingPath.isEmpty ? DecodingError.Context(codingPath: [key], debugDescription: "") : context
        case let .valueNotFound(_, context), let .typeMismatch(_, context), let .dataCorrupted(context): context
        @unknown default: nil
        }
        return context?.codingPath.last { $0.intValue == nil }?.stringValue
    }

    /// One sentence naming the JSON path and what was wrong there.
    var explanation: String {
        func path(_ context: Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the command" : "'" + keys.joined(separator: ".") + "'"
        }
        switch self {
        case let .keyNotFound(key, context): return "\(path(context)) lacks '\(key.stringValue)'"
        case let .valueNotFound(_, context): return "\(path(context)) is missing"
        case let .typeMismatch(type, context): return "\(path(context)) must be \(type == String.self ? "a string" : type == Int.self || type == Double.self ? "a number" : "of another kind")"
        case let .dataCorrupted(context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: self)
        }
    }
}
