import EventStore
import Foundation
import GRDB
import HadafEvents

/// The ledger's state in memory: participants' accounts, universities' totals, policies, and
/// what proposals and submissions credit whom, each read from the tables when first needed and
/// written back at ``flush(in:)``.
///
/// Between flushes an event costs dictionary work, not SQL: a rebuild writes each participant's
/// rows once, not once per event. After a flush, the book forgets everything when it holds more
/// than ``maximumLines`` lines, which bounds its memory on logs of any size.
final class LedgerBook {
    let names: TableNames
    /// The tables were empty when the book began and nothing has been forgotten since: what the
    /// book does not hold, the tables do not hold either.
    private var holdsEverything: Bool
    private var accounts: [String: LedgerAccount] = [:]
    private var universities: [UniversityYearKey: UniversityYear] = [:]
    private var policies: [Int: IncentivePolicy?] = [:]
    /// Each year's policy as scoring reads it, one schedule per participant kind met so far.
    private var schedules: [Int: [LedgerSchedule]] = [:]
    private var proposalAuthors: [String: String] = [:]
    private var submissions: [String: SubmissionCredit] = [:]
    /// Nothing has been written to the tables yet, which were empty: everything held is new to
    /// them, and the first flush writes it all. Until then no participant, proposal or submission
    /// is noted as changed: the audit's fold, which holds a national year without flushing, would
    /// otherwise keep a set of every one of them (about 70 MB at ten million events).
    private var writtenNothing: Bool
    /// What changed since the last flush (once something has been written): only these are
    /// written, in key order. A participant is listed once, when their account is first marked
    /// unwritten (``LedgerAccount/isUnwritten``), which costs no look-up in a set at each event.
    private var changedParticipants: [String] = []
    /// The universities' years changed since the last flush, each listed once, when first
    /// marked (``UniversityYear/isChanged``): every event that scores moves one.
    private var changedUniversities: [UniversityYearKey] = []
    private var changedProposals: Set<String> = []
    private var changedSubmissions: Set<String> = []
    /// Lines held in `accounts`, counted as they come rather than at each flush.
    private var heldLines = 0

    /// Lines held before the book forgets what it has flushed.
    let maximumLines: Int

    struct UniversityYearKey: Hashable, Comparable {
        let university: String
        let year: Int

        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.university, lhs.year) < (rhs.university, rhs.year) }
    }

    init(names: TableNames, startsEmpty: Bool, maximumLines: Int) {
        self.names = names
        self.maximumLines = maximumLines
        holdsEverything = startsEmpty
        writtenNothing = startsEmpty
    }

    // MARK: - Participants

    /// The participant's account, read from the tables when not held.
    func account(_ participant: String, in db: Database) throws -> LedgerAccount {
        if let account = accounts[participant] { return account }
        let account = try loaded(participant, in: db)
        accounts[participant] = account
        return account
    }

    /// The participant's account as the tables hold it (or new), not yet held.
    private func loaded(_ participant: String, in db: Database) throws -> LedgerAccount {
        var account = LedgerAccount()
        if participant.hasPrefix("group:") { account.kind = "student_group" }
        // A university's deputy earns as `deputy:<code>` (a festival prize), outside the
        // university's total, which stays the sum of its participants'.
        if participant.hasPrefix("deputy:") { account.kind = "university_deputy" }
        if !holdsEverything {
            try load(participant, into: &account, from: db)
            heldLines += account.lineCount
        }
        return account
    }

    /// Changes the participant's account in place and marks it for writing.
    func update(_ participant: String, in db: Database, _ change: (inout LedgerAccount) throws -> Void) throws {
        let index = try accounts.index(forKey: participant) { try loaded(participant, in: db) }
        let (addedLines, newlyUnwritten) = try Self.change(&accounts.values[index], by: change, marking: !writtenNothing)
        heldLines += addedLines
        if newlyUnwritten { changedParticipants.append(participant) }
    }

    /// Applies `change` to the account where it is held, and marks it unwritten when `marking`:
    /// returns the lines it added and whether it was newly marked. Read through the dictionary's
    /// getter instead, each of the account's properties cost a copy of the whole account.
    private static func change(
        _ account: inout LedgerAccount, by change: (inout LedgerAccount) throws -> Void, marking: Bool
    ) rethrows -> (addedLines: Int, newlyUnwritten: Bool) {
        let linesBefore = account.lineCount
        try change(&account)
        let newlyUnwritten = marking && !account.isUnwritten
        if newlyUnwritten { account.isUnwritten = true }
        return (account.lineCount - linesBefore, newlyUnwritten)
    }

    /// Records a registration: the participant's kind and university.
    func register(_ participant: String, kind: String, university: String?, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(names.table("ledger_participants")) (participant_id, kind, university, erased) VALUES (?, ?, ?, 0)")
            .execute(arguments: [participant, kind, university])
        try update(participant, in: db) { account in
            account.kind = kind
            account.university = university
        }
    }

    /// Participants with lines in `year`, held or written.
    func participants(in year: Int, from db: Database) throws -> [String] {
        try flush(in: db)
        return try String.fetchAll(db, sql: "SELECT participant_id FROM \(names.table("ledger_totals")) WHERE academic_year = ? ORDER BY participant_id", arguments: [year])
    }

    // MARK: - Universities

    /// Moves a university's total for the year by `delta`, which may be zero: either way the
    /// incentives it reaches are settled again at the flush, under the year's policy then.
    func addToUniversity(_ university: String, year: Int, _ delta: Double, in db: Database) throws {
        let key = UniversityYearKey(university: university, year: year)
        let index = try universities.index(forKey: key) { try loaded(key, in: db) }
        if delta != 0 { universities.values[index].points = ((universities.values[index].points + delta) * 100).rounded() / 100 }
        if !universities.values[index].isChanged {
            universities.values[index].isChanged = true
            changedUniversities.append(key)
        }
    }

    /// The university's year, held or read from the tables.
    private func universityYear(_ key: UniversityYearKey, in db: Database) throws -> UniversityYear {
        if let held = universities[key] { return held }
        return try loaded(key, in: db)
    }

    /// The university's year as the tables hold it (or new), not yet held.
    private func loaded(_ key: UniversityYearKey, in db: Database) throws -> UniversityYear {
        var total = UniversityYear()
        if !holdsEverything {
            let participant = "university:\(key.university)"
            total.points = try Double.fetchOne(
                db.cachedStatement(sql: "SELECT points FROM \(names.table("ledger_university_totals")) WHERE university = ? AND academic_year = ?"),
                arguments: [key.university, key.year]) ?? 0
            total.stored = try storedEligibility(participant, year: key.year, in: db)
        }
        return total
    }

    // MARK: - Policies, proposals, submissions

    /// The policy adopted for `year`, if any.
    func policy(for year: Int, in db: Database) throws -> IncentivePolicy? {
        if let held = policies[year] { return held }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT content_hash, source FROM \(names.table("ledger_policies")) WHERE academic_year = ?"), arguments: [year])
        let policy = try row.map { try PolicyCache.shared.policy(hash: $0[0], source: $0[1]) }
        policies[year] = policy
        return policy
    }

    /// The policy adopted for `year` as it scores participants of `kind`; nil when the year has
    /// no policy or the participant no kind, and nothing is scored.
    func schedule(for year: Int, kind: String?, in db: Database) throws -> LedgerSchedule? {
        guard let kind else { return nil }
        if let held = schedules[year]?.first(where: { $0.kind == kind }) { return held }
        guard let policy = try policy(for: year, in: db) else { return nil }
        let schedule = LedgerSchedule(policy: policy, kind: kind)
        schedules[year, default: []].append(schedule)
        return schedule
    }

    /// Records a policy adopted for `year`.
    func adopt(_ adopted: PolicyAdopted, at position: Int64, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO \(names.table("ledger_policies")) (academic_year, version, content_hash, source, position) VALUES (?, ?, ?, ?, ?)",
            arguments: [adopted.academicYear, adopted.version, adopted.contentHash, adopted.source, position])
        policies[adopted.academicYear] = try PolicyCache.shared.policy(hash: adopted.contentHash, source: adopted.source)
        schedules[adopted.academicYear] = nil
    }

    /// Records who wrote a contribution, whose endorsements and answers credit them; written
    /// at the flush.
    func recordAuthor(_ author: String, of proposal: String) {
        proposalAuthors[proposal] = author
        if !writtenNothing { changedProposals.insert(proposal) }
    }

    /// Records the announcement of `festival` at `position`, and returns whether it is the
    /// festival's first: only the first pays. Written at once (announcements are few), in the
    /// fold's transaction.
    func recordAnnouncement(of festival: String, at position: Int64, in db: Database) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO \(names.table("ledger_announcements")) (festival_id, position) VALUES (?, ?)", arguments: [festival, position])
        return db.changesCount > 0
    }

    /// Who wrote the contribution.
    func author(of proposal: String, in db: Database) throws -> String? {
        if let held = proposalAuthors[proposal] { return held }
        guard !holdsEverything else { return nil }
        let author = try String.fetchOne(db.cachedStatement(sql: "SELECT author FROM \(names.table("ledger_proposals")) WHERE proposal_key = ?"), arguments: [proposal])
        if let author { proposalAuthors[proposal] = author }
        return author
    }

    /// Records what a submission will credit when it is submitted or accepted; written at the
    /// flush.
    func recordCredit(_ credit: SubmissionCredit, of submission: String) {
        submissions[submission] = credit
        if !writtenNothing { changedSubmissions.insert(submission) }
    }

    /// What the submission credits.
    func credit(of submission: String, in db: Database) throws -> SubmissionCredit? {
        if let held = submissions[submission] { return held }
        guard !holdsEverything,
              let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, authors FROM \(names.table("ledger_submissions")) WHERE submission_id = ?"), arguments: [submission])
        else { return nil }
        let authors = (row[1] as String).split(separator: ";").compactMap { author -> Author? in
            let parts = author.split(separator: "=")
            guard parts.count == 2, let share = Double(parts[1]) else { return nil }
            return Author(id: String(parts[0]), share: share)
        }
        guard let kind = SubmissionCredit.Kind(rawValue: row[0]) else { throw ProjectionError.readModel("the ledger names an unknown kind of submission '\(row[0] as String)'") }
        let credit = SubmissionCredit(kind: kind, authors: authors)
        submissions[submission] = credit
        return credit
    }

    // MARK: - Standings

    /// Whether the book holds more lines than its bound: a caller that keeps folding without
    /// flushing (the audit's replay) flushes then, and the book forgets.
    var holdsTooMuch: Bool { heldLines > maximumLines }

    /// The holder's standing as the tables would give it after a flush now (see
    /// ``LedgerStanding/read(holder:year:readAt:in:)``), computed from what the book holds and
    /// reading from the tables only what it does not hold: the audit's replay asks this at
    /// every award's position, and writing the tables each time cost more than folding.
    func standing(holder: String, year: Int, readAt: Int64, in db: Database) throws -> LedgerStanding {
        let policy = try policy(for: year, in: db)
        if holder.hasPrefix("university:") {
            let key = UniversityYearKey(university: String(holder.dropFirst("university:".count)), year: year)
            let total = try universityYear(key, in: db)
            // What changed since the last flush would be settled now; the rest stands as stored.
            let reached = total.isChanged
                ? LedgerScoring.reached(policy: policy, kind: "university", total: total.points) : total.stored.reached
            return LedgerStanding(readAt: readAt, policy: policy, points: total.points, positions: [], reached: reached)
        }
        let account = try account(holder, in: db)
        guard let ledgerYear = account.years[year] else {
            return LedgerStanding(readAt: readAt, policy: policy, points: 0, positions: [], reached: [])
        }
        let positions = Set(ledgerYear.lines.lazy.filter { !$0.retracted && $0.points > 0 }.map(\.position)).sorted()
        let reached = ledgerYear.isDirty
            ? LedgerScoring.reached(policy: policy, kind: account.kind, total: ledgerYear.total) : ledgerYear.stored.reached
        return LedgerStanding(readAt: readAt, policy: policy, points: ledgerYear.total, positions: positions, reached: reached)
    }

    // MARK: - Reading and writing the tables

    private func load(_ participant: String, into account: inout LedgerAccount, from db: Database) throws {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, university FROM \(names.table("ledger_participants")) WHERE participant_id = ?"), arguments: [participant]) {
            account.kind = row[0]
            account.university = row[1]
        }
        let lines = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT academic_year, fact_key, rule_id, share, position, retracted, points, capped, policy_version FROM \(names.table("ledger_lines"))
            WHERE participant_id = ? ORDER BY academic_year, position, fact_key
            """), arguments: [participant])
        while let row = try lines.next() {
            let rule = try LedgerRule(stored: row[2])
            var line = try LedgerLine(about: rule.subject(ofFactKey: row[1]), rule: rule, share: row[3], position: row[4])
            line.retracted = row[5]
            line.points = row[6]
            line.capped = row[7]
            let version: String? = row[8]
            line.isScored = version != nil
            line.isDirty = false
            let year: Int = row[0]
            account.years.withYear(year) { ledgerYear in
                ledgerYear.insert(line)
                if let version { ledgerYear.policyVersion = version }
            }
        }
        for year in account.years.keys {
            try account.years.withYear(year) { ledgerYear in
                for line in ledgerYear.lines where !line.retracted {
                    ledgerYear.total += line.points
                    ledgerYear.byRule[line.rule] += line.points
                }
                ledgerYear.stored = try storedEligibility(participant, year: year, in: db)
            }
        }
    }

    private func storedEligibility(_ participant: String, year: Int, in db: Database) throws -> StoredEligibility {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT incentive, policy_version FROM \(names.table("eligibility")) WHERE participant_id = ? AND academic_year = ? ORDER BY incentive"),
            arguments: [participant, year])
        return StoredEligibility(reached: rows.map { $0[0] }, policyVersion: rows.first?[1])
    }

    /// Writes every changed line, total and eligibility, settling the incentives reached under
    /// each year's policy; forgets everything when the book has grown past ``maximumLines``.
    func flush(in db: Database) throws {
        try flushAuthorsAndCredits(in: db)
        var upsertLines = BatchedInsert(db, head: """
            INSERT OR REPLACE INTO \(names.table("ledger_lines"))
                (participant_id, academic_year, fact_key, rule_id, share, position, retracted, points, capped, policy_version) VALUES
            """, columnCount: 10)
        let upsertTotal = try RawStatement(db, sql: "INSERT OR REPLACE INTO \(names.table("ledger_totals")) (participant_id, academic_year, points, last_position) VALUES (?, ?, ?, ?)")
        for participant in writtenNothing ? accounts.keys.sorted() : changedParticipants.sorted() {
            // Taken out and put back, so that clearing marks does not copy the lines.
            guard var account = accounts.removeValue(forKey: participant) else { continue }
            account.isUnwritten = false
            for year in account.years.keys.sorted() where account.years[year]!.isDirty {
                var ledgerYear = account.years.removeValue(forKey: year)!
                for index in ledgerYear.lines.indices where ledgerYear.lines[index].isDirty {
                    let line = ledgerYear[index]
                    upsertLines.add(participant)
                    upsertLines.add(Int64(year))
                    upsertLines.add(line.factKey)
                    upsertLines.add(line.rule.rawValue)
                    upsertLines.add(line.share)
                    upsertLines.add(line.position)
                    upsertLines.add(line.retracted)
                    upsertLines.add(line.points)
                    upsertLines.add(line.capped)
                    upsertLines.add(line.isScored ? ledgerYear.policyVersion : nil)
                    try upsertLines.endRow()
                    ledgerYear[index].isDirty = false
                }
                upsertTotal.bind(participant, at: 1)
                upsertTotal.bind(Int64(year), at: 2)
                upsertTotal.bind(ledgerYear.total, at: 3)
                upsertTotal.bind(ledgerYear.lines.last?.position ?? 0, at: 4)
                try upsertTotal.execute()
                try settleEligibility(participant, kind: account.kind, year: year, university: account.university, total: ledgerYear.total,
                                      stored: &ledgerYear.stored, in: db)
                ledgerYear.isDirty = false
                account.years[year] = ledgerYear
            }
            accounts[participant] = account
        }
        try upsertLines.finish()
        changedParticipants = []
        let upsertUniversity = try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(names.table("ledger_university_totals")) (university, academic_year, points) VALUES (?, ?, ?)")
        for key in changedUniversities.sorted() {
            universities[key]!.isChanged = false
            let points = universities[key]!.points
            try upsertUniversity.execute(arguments: [key.university, key.year, points])
            try settleEligibility("university:\(key.university)", kind: "university", year: key.year, university: key.university, total: points,
                                  stored: &universities[key]!.stored, in: db)
        }
        changedUniversities = []
        writtenNothing = false
        if heldLines > maximumLines { forget() }
    }

    /// Writes the changed proposals' authors and submissions' credits, in key order.
    private func flushAuthorsAndCredits(in db: Database) throws {
        let upsertAuthor = try RawStatement(db, sql: "INSERT OR REPLACE INTO \(names.table("ledger_proposals")) (proposal_key, author) VALUES (?, ?)")
        for proposal in writtenNothing ? proposalAuthors.keys.sorted() : changedProposals.sorted() {
            upsertAuthor.bind(proposal, at: 1)
            upsertAuthor.bind(proposalAuthors[proposal]!, at: 2)
            try upsertAuthor.execute()
        }
        changedProposals = []
        let upsertCredit = try RawStatement(db, sql: "INSERT OR REPLACE INTO \(names.table("ledger_submissions")) (submission_id, kind, authors) VALUES (?, ?, ?)")
        for submission in writtenNothing ? submissions.keys.sorted() : changedSubmissions.sorted() {
            let credit = submissions[submission]!
            upsertCredit.bind(submission, at: 1)
            upsertCredit.bind(credit.kind.rawValue, at: 2)
            upsertCredit.bind(credit.authors.map { "\($0.id)=\($0.share)" }.joined(separator: ";"), at: 3)
            try upsertCredit.execute()
        }
        changedSubmissions = []
    }

    /// Rewrites the eligibility rows of a participant-year when the incentives its total reaches
    /// under the year's policy differ from those the rows name.
    private func settleEligibility(
        _ participant: String, kind: String?, year: Int, university: String?, total: Double, stored: inout StoredEligibility, in db: Database
    ) throws {
        let policy = try policy(for: year, in: db)
        let reached = LedgerScoring.reached(policy: policy, kind: kind, total: total)
        let version = reached.isEmpty ? nil : policy?.version
        guard reached != stored.reached || version != stored.policyVersion else { return }
        let table = names.table("eligibility")
        // `stored` names every row there is: with none, there is nothing to delete.
        if !stored.reached.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE participant_id = ? AND academic_year = ?").execute(arguments: [participant, year])
        }
        let insert = try RawStatement(db, sql: "INSERT INTO \(table) (participant_id, academic_year, incentive, university, policy_version) VALUES (?, ?, ?, ?, ?)")
        for incentive in reached {
            insert.bind(participant, at: 1)
            insert.bind(Int64(year), at: 2)
            insert.bind(incentive, at: 3)
            insert.bind(university, at: 4)
            insert.bind(version, at: 5)
            try insert.execute()
        }
        stored = StoredEligibility(reached: reached, policyVersion: version)
    }

    private func forget() {
        accounts = [:]
        universities = [:]
        proposalAuthors = [:]
        submissions = [:]
        heldLines = 0
        holdsEverything = false
    }
}
