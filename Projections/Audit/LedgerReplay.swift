import EventStore
import Foundation
import GRDB
import HadafEvents

/// The ledger folded again from the first event into tables of its own, in a scratch file that
/// is never the serving read model: what the audit compares an award's recorded basis with.
///
/// It answers questions about standings at log positions in one pass: the log is folded up to
/// each asked position in turn and the standings are read there.
enum LedgerReplay {
    /// A holder's standing in a year, as of a log position.
    struct Question: Hashable {
        let holder: String
        let year: Int
        let readAt: Int64
    }

    /// Events read from the log at a time: enough that a page's query costs little beside its
    /// fold, few enough that the two pages read ahead stay small.
    static let defaultPageSize = 20_000

    /// Lines the audit's fold holds before it writes and forgets them: a national year's whole
    /// ledger (about 7.4 million lines at ten million events) in well under a gibibyte. Unlike
    /// the live projector's, which shares a server's memory, the audit's fold must not forget:
    /// survey answers come back to participants in no order, and each one forgotten is read
    /// back from the tables, which made the national audit run for hours.
    static let defaultMaximumHeldLines = 10_000_000

    /// Answers each question with the holder's standing at its position, handing it to
    /// `answered` (with the question's index, and the latest act time of any event folded so
    /// far: a bound on when the acts behind the standing happened) as the fold passes that
    /// position, in position order.
    /// Nothing is kept: a caller that checks each answer and lets it go holds no standing, and
    /// the questions may be a lazy view of what the caller holds.
    ///
    /// - Parameters:
    ///   - maximumHeldLines: the fold's memory bound; beyond it, it writes its tables and reads
    ///     accounts back from them.
    ///   - pageSize: how many events are read at a time.
    static func answer<Questions: RandomAccessCollection<Question>>(
        _ questions: Questions, from store: EventStore, maximumHeldLines: Int = defaultMaximumHeldLines, pageSize: Int = defaultPageSize,
        answered: (Int, LedgerStanding, _ latestActedMilliseconds: Int64) throws -> Void
    ) throws(ProjectionError) where Questions.Index == Int {
        // Sorted whole, so that the awards of one recipient read at one position come in a row
        // and share one answer.
        let order = questions.indices.sorted { (questions[$0].readAt, questions[$0].holder, questions[$0].year) < (questions[$1].readAt, questions[$1].holder, questions[$1].year) }
        var next = order[...]
        var last: (question: Question, standing: LedgerStanding)?
        // Asked of the fold, not of its tables: the tables are written only when the fold holds
        // more than its bound, not at each of the (many) award positions.
        // The positions asked, in order and once each: read off the sorted questions rather than
        // gathered in a set, which took 17 MB for a national year's million awards.
        var positions: [Int64] = []
        for index in order where positions.last != questions[index].readAt { positions.append(questions[index].readAt) }
        try fold(to: positions, from: store, pageSize: pageSize, maximumHeldLines: maximumHeldLines, flushingAtEach: false) { position, fold, db, latestActed in
            while let index = next.first, questions[index].readAt == position {
                let question = questions[index]
                if last?.question != question {
                    last = (question, try fold.standing(holder: question.holder, year: question.year, readAt: position, in: db))
                }
                try answered(index, last!.standing, latestActed)
                next.removeFirst()
            }
        }
    }

    /// Folds the log into scratch ledger tables up to each of `positions` in turn, and lets
    /// `read` look at the tables there (serving names).
    static func replay(
        to positions: Set<Int64>, from store: EventStore, pageSize: Int = defaultPageSize, read: (Int64, Database) throws -> Void
    ) throws(ProjectionError) {
        try fold(to: positions.sorted(), from: store, pageSize: pageSize, maximumHeldLines: LedgerProjector.defaultMaximumHeldLines, flushingAtEach: true) { position, _, db, _ in
            try read(position, db)
        }
    }

    /// Folds the log up to each of `positions` (ascending, each once) in turn and calls `visit`
    /// there, with the tables flushed first when `flushingAtEach` (otherwise only when the fold
    /// outgrows its bound).
    private static func fold(
        to positions: [Int64], from store: EventStore, pageSize: Int, maximumHeldLines: Int, flushingAtEach: Bool,
        visit: (Int64, LedgerFold, Database, _ latestActedMilliseconds: Int64) throws -> Void
    ) throws(ProjectionError) {
        guard !positions.isEmpty else { return }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hadaf-audit-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                // A scratch file: nothing to recover after a crash, so no journal and no syncs.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                let projector = LedgerProjector()
                let names = TableNames.serving(generation: 0)
                try projector.createTables(in: db, names: names)
                let fold = LedgerFold(names: names, startsEmpty: true, maximumHeldLines: maximumHeldLines)
                let types = projector.eventTypes
                // Read and decoded on the other core, a page or two ahead of the fold.
                let pages = PrefetchedPages(from: store, through: positions.last!, pageSize: pageSize) { events in
                    try events.compactMap { event in types.contains(event.type) ? try LedgerInput(event) : nil }
                }
                var asked = positions[...]
                var latestActed = Int64.min
                func visitAsked(through position: Int64) throws {
                    while let next = asked.first, next <= position {
                        if flushingAtEach { try fold.flush(in: db) }
                        try visit(next, fold, db, latestActed)
                        asked.removeFirst()
                    }
                }
                try db.inTransaction {
                    while let prepared = try pages.next() {
                        for input in prepared.page {
                            try visitAsked(through: input.position - 1)
                            latestActed = max(latestActed, input.milliseconds)
                            try fold.apply(input, in: db)
                        }
                        try visitAsked(through: prepared.last)
                        try fold.flushIfOverBound(in: db)
                    }
                    // Positions past the head see the whole log.
                    try visitAsked(through: .max)
                    return .commit
                }
            }
        } catch let error as EventStoreError {
            throw .log(error)
        } catch let error as ProjectionError {
            throw error
        } catch {
            throw .readModel(String(describing: error))
        }
    }
}
