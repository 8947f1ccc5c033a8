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
