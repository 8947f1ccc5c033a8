import EventStore
import Foundation
import GRDB
import HadafEvents
@testable import HadafProjections
import HadafTestSupport
import Testing

@Suite("The audit's ledger replay")
struct LedgerReplayTests {
    private let year1404 = Date(timeIntervalSince1970: 1_759_300_000) // 2025-10-01, in 1404-1405
    private let year1405 = Date(timeIntervalSince1970: 1_790_836_000) // 2026-10-01, in 1405-1406

    private func policy(_ year: Int, version: String) throws -> PolicyAdopted {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Projections/policies/\(year).json"), encoding: .utf8)
        let changed = version.hasSuffix(".1") ? source : source.replacingOccurrences(of: "\"minimumPoints\": 10", with: "\"minimumPoints\": 6")
        return PolicyAdopted(academicYear: year, version: version, source: changed, contentHash: "h-\(version)")
    }

    /// A year with what moves standings: registrations, a policy and its replacement, surveys,
    /// comments and a withdrawal, a co-authored idea accepted, an endorsement, a participant
    /// moving university, and acts in the next year.
    private func log() async throws -> ProjectionLog {
        let log = try ProjectionLog()
        for (id, kind, university) in [("p-1", "student", "ut"), ("p-2", "faculty", "ut"), ("p-3", "student", "sut")] {
            try await log.append(ParticipantRegistered(participantId: id, kind: kind, university: university, studentGroup: nil, personal: "sealed", sealing: "aes-256-gcm/v1"), to: "participant-\(id)", at: year1404)
        }
        try await log.append(try policy(1404, version: "1404.1"), to: "policy-1404", at: year1404)
        for survey in 0..<6 {
            for id in ["p-1", "p-3"] {
                try await log.append(SurveyAnswered(respondent: id, respondentKind: "student", university: "ut", answers: ["q1": .number(3)], isRevision: false), to: "survey-s\(survey)", at: year1404)
            }
        }
        try await log.actsThatMoveStandings(at: year1404)
        try await log.append(try policy(1404, version: "1404.2"), to: "policy-1404", at: year1404)
        try await log.append(SurveyAnswered(respondent: "p-1", respondentKind: "student", university: "ut", answers: ["q1": .number(3)], isRevision: false), to: "survey-late", at: year1405)
        return log
    }

    /// Standings asked of the fold at every position, holding everything or forgetting after
    /// every page, are those its tables give when flushed there.
    @Test func standingsAskedOfTheFoldAreThoseItsTablesGive() async throws {
        let log = try await log()
        let head = try #require(try log.store.head()?.position)
        let holders = ["p-1", "p-2", "p-3", "p-9", "university:ut", "university:sut"]
        let questions = Set((1...head).flatMap { position in
            holders.flatMap { holder in [1404, 1405].map { LedgerReplay.Question(holder: holder, year: $0, readAt: position) } }
        })
        var fromTables: [LedgerReplay.Question: LedgerStanding] = [:]
        try LedgerReplay.replay(to: Set(questions.map(\.readAt)), from: log.store) { position, db in
            for question in questions where question.readAt == position {
                fromTables[question] = try LedgerStanding.read(holder: question.holder, year: question.year, readAt: position, in: db)
            }
        }
        let holding = try answers(questions, from: log.store)
        let forgetting = try answers(questions, from: log.store, maximumHeldLines: 0)
        let inSmallPages = try answers(questions, from: log.store, maximumHeldLines: 0, pageSize: 4)
        #expect(fromTables.count == questions.count)
        for question in questions.sorted(by: { ($0.readAt, $0.holder, $0.year) < ($1.readAt, $1.holder, $1.year) }) {
            #expect(holding[question] == fromTables[question], "\(question)")
            #expect(forgetting[question] == fromTables[question], "\(question)")
            #expect(inSmallPages[question] == fromTables[question], "\(question)")
        }
        // The log moves standings: certificates are reached, and taken back by the withdrawal.
        #expect(Set(fromTables.values.map(\.reached)).count > 1)
        #expect(fromTables.values.contains { $0.points > 0 && $0.positions.count > 1 })
    }

    /// Each standing is the one a fold of the log's events up to its position, and no further,
    /// gives: the replay reads ahead of its fold, in pages that end anywhere, and must still stop
    /// at each asked position.
    @Test(arguments: [1, 4, 20_000])
    func eachStandingIsThatOfTheLogUpToItsPosition(pageSize: Int) async throws {
        let log = try await log()
        let head = try #require(try log.store.head()?.position)
        let holders = ["p-1", "p-2", "p-3", "university:ut"]
        // Every other position, so that pages also hold positions nobody asked about.
        let positions = stride(from: 1, through: head, by: 2)
        let questions = Set(positions.flatMap { position in
            holders.flatMap { holder in [1404, 1405].map { LedgerReplay.Question(holder: holder, year: $0, readAt: position) } }
        })
        let answers = try answers(questions, from: log.store, pageSize: pageSize)
        #expect(answers.count == questions.count)
        var standingsMoved = Set<Double>()
        for position in positions {
            let prefix = try standings(of: holders, foldingTheFirst: position, of: log.store)
            for question in questions where question.readAt == position {
                #expect(answers[question] == prefix[question], "\(question)")
                standingsMoved.insert(prefix[question]?.points ?? -1)
            }
        }
        #expect(standingsMoved.count > 3)
    }

    /// The replay's answers to `questions`, each asked twice (as two awards of one recipient
    /// read at one position ask): every ask is answered, once, in position order.
    private func answers(
        _ questions: Set<LedgerReplay.Question>, from store: EventStore, maximumHeldLines: Int = LedgerReplay.defaultMaximumHeldLines,
        pageSize: Int = LedgerReplay.defaultPageSize
    ) throws -> [LedgerReplay.Question: LedgerStanding] {
        let asked = Array(questions) + Array(questions)
        var answered = [Bool](repeating: false, count: asked.count)
        var answers: [LedgerReplay.Question: LedgerStanding] = [:]
        var lastPosition: Int64 = 0
        try LedgerReplay.answer(asked, from: store, maximumHeldLines: maximumHeldLines, pageSize: pageSize) { index, standing, _ in
            #expect(!answered[index] && asked[index].readAt >= lastPosition)
            answered[index] = true
            lastPosition = asked[index].readAt
            #expect(answers[asked[index]].map { $0 == standing } ?? true)
            answers[asked[index]] = standing
        }
        #expect(!answered.contains(false))
        return answers
    }

    /// The standings of `holders` after folding the first `count` events of the log into a
    /// ledger of their own, written to its tables and read back.
    private func standings(of holders: [String], foldingTheFirst count: Int64, of store: EventStore) throws -> [LedgerReplay.Question: LedgerStanding] {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.path("prefix.sqlite"))
        return try queue.write { db in
            let projector = LedgerProjector()
            let names = TableNames.serving(generation: 0)
            try projector.createTables(in: db, names: names)
            let fold = LedgerFold(names: names, startsEmpty: true, maximumHeldLines: .max)
            for event in try store.read(from: 1, limit: Int(count)) where projector.eventTypes.contains(event.type) {
                try fold.apply(event, in: db)
            }
            try fold.flush(in: db)
            var standings: [LedgerReplay.Question: LedgerStanding] = [:]
            for holder in holders {
                for year in [1404, 1405] {
                    standings[LedgerReplay.Question(holder: holder, year: year, readAt: count)] = try LedgerStanding.read(holder: holder, year: year, readAt: count, in: db)
                }
            }
            return standings
        }
    }
}
