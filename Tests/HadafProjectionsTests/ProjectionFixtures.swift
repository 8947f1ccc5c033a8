import EventStore
import Foundation
import GRDB
import HadafEvents
import HadafProjections
import HadafTestSupport

/// A log and a read model in one temporary directory, kept as long as this value lives.
final class ProjectionLog: Sendable {
    let directory: TemporaryDirectory
    let store: EventStore
    let model: ReadModel

    init() throws {
        directory = try TemporaryDirectory()
        store = try EventStore.create(at: directory.path("hadaf.sqlite"))
        model = try ReadModel(path: ReadModel.path(besideLog: store.path))
    }

    func runner(_ projectors: [any Projector], pageSize: Int = 3) -> ProjectionRunner {
        ProjectionRunner(store: store, model: model, projectors: projectors, pageSize: pageSize)
    }

    func append(_ event: some DomainEvent, to stream: String) async throws {
        _ = try await store.append([NewEvent(event, metadata: EventMetadata(actorId: "test"))], to: stream)
    }

    /// Drafts, submits and (optionally) screens an idea.
    func idea(_ id: String, title: String, university: String = "ut", screened: SubmissionScreened.Decision? = nil) async throws {
        let content = SubmissionContent.idea(IdeaContent(title: title, summary: "s", problem: "p", proposal: "p", expectedImpact: "i", category: .cultural))
        try await append(SubmissionDrafted(submissionId: id, submitter: "p-1", university: university, authors: [.init(kind: .participant, id: "p-1", share: 100)], content: content), to: "submission-\(id)")
        try await append(SubmissionSubmitted(possibleDuplicates: []), to: "submission-\(id)")
        if let screened {
            try await append(SubmissionScreened(decision: screened, ground: screened == .rejected ? .other : nil, duplicateOf: nil, reason: "r"), to: "submission-\(id)")
        }
    }

    func rows(_ sql: String) throws -> [Row] {
        try model.read { try Row.fetchAll($0, sql: sql) }
    }
}

/// A projector that records the positions it saw, and fails on a payload that says "boom".
struct RecordingProjector: RowByRowProjector {
    var name = "recording"
    var version = 1
    var rebuildsApart = false
    var retiredTables: [String] = []
    let tables = ["seen"]
    let eventTypes: Set<String> = ["test.noted"]

    struct Boom: Error, CustomStringConvertible {
        var description: String { "the payload says boom" }
    }

    func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: "CREATE TABLE \(names.table("seen")) (position INTEGER PRIMARY KEY, version INTEGER NOT NULL)")
    }

    func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        guard !String(decoding: event.payload, as: UTF8.self).contains("boom") else { throw Boom() }
        try db.execute(sql: "INSERT INTO \(names.table("seen")) VALUES (?, ?)", arguments: [event.position, version])
    }
}

extension ProjectionLog {
    func note(_ text: String) async throws {
        _ = try await store.append([NewEvent(type: "test.noted", payload: Data(#"{"text":"\#(text)"}"#.utf8))], to: "notes")
    }
}

extension ProjectionLog {
    /// Appends `event` to `stream` as an act that occurred on `date`.
    func append(_ event: some DomainEvent, to stream: String, at date: Date) async throws {
        _ = try await store.append([NewEvent(event, metadata: EventMetadata(actorId: "t", occurredAt: date))], to: stream)
    }

    /// Acts that move the ledger's standings, all on `date`: an idea by p-1 (60%) and p-2 (40%)
    /// submitted and accepted, four comments by p-2 (one endorsed by p-1, one withdrawn), and
    /// p-2 registering again at another university (sut).
    func actsThatMoveStandings(at date: Date) async throws {
        let idea = SubmissionContent.idea(IdeaContent(title: "t", summary: "s", problem: "p", proposal: "p", expectedImpact: "i", category: .cultural))
        try await append(SubmissionDrafted(submissionId: "i1", submitter: "p-1", university: "ut", authors: [.init(kind: .participant, id: "p-1", share: 60), .init(kind: .participant, id: "p-2", share: 40)], content: idea), to: "submission-i1", at: date)
        try await append(SubmissionSubmitted(possibleDuplicates: []), to: "submission-i1", at: date)
        for id in ["c1", "c2", "c3", "c4"] {
            try await append(ArticleContributed(contributionId: id, kind: .comment, round: 1, article: 1, author: "p-2", text: "x", rationale: nil, isRevision: false), to: "regulation-r", at: date)
        }
        try await append(ProposalEndorsed(proposalId: "c1", endorser: "p-1"), to: "regulation-r", at: date)
        try await append(SubmissionScreened(decision: .acceptedForEvaluation, ground: nil, duplicateOf: nil, reason: nil), to: "submission-i1", at: date)
        try await append(ContributionWithdrawn(contributionId: "c2"), to: "regulation-r", at: date)
        try await append(ParticipantRegistered(participantId: "p-2", kind: "faculty", university: "sut", studentGroup: nil, personal: "sealed", sealing: "aes-256-gcm/v1"), to: "participant-p-2", at: date)
    }
}
