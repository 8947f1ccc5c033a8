import EventStore
import Foundation
import GRDB
import HadafEvents

/// Folds events into the ledger's facts and scores: what each act earns, for whom, in which
/// academic year; what a withdrawal or a rejection takes back; what a new policy scores again.
final class LedgerFold: ProjectionFold {
    private let book: LedgerBook
    private var academicYears = AcademicYearLookup()

    init(names: TableNames, startsEmpty: Bool, maximumHeldLines: Int) {
        book = LedgerBook(names: names, startsEmpty: startsEmpty, maximumLines: maximumHeldLines)
    }

    func flush(in db: Database) throws {
        try book.flush(in: db)
    }

    /// Flushes only when the book holds more than its bound (see ``LedgerBook/holdsTooMuch``).
    func flushIfOverBound(in db: Database) throws {
        if book.holdsTooMuch { try book.flush(in: db) }
    }

    /// The holder's standing as the tables would give it after a flush now.
    func standing(holder: String, year: Int, readAt: Int64, in db: Database) throws -> LedgerStanding {
        try book.standing(holder: holder, year: year, readAt: readAt, in: db)
    }

    func apply(_ event: RecordedEvent, in db: Database) throws {
        guard let input = try LedgerInput(event) else { return }
        try apply(input, in: db)
    }

    /// Folds an event already read (``LedgerInput``), perhaps on another thread.
    func apply(_ input: LedgerInput, in db: Database) throws {
        let act = Act(position: input.position, academicYear: academicYears.startYear(containingMilliseconds: input.milliseconds), db: db)
        switch input.change {
        case let .registered(registered):
            try register(registered, in: db)
        case let .erased(participant):
            try db.execute(sql: "UPDATE \(book.names.table("ledger_participants")) SET erased = 1 WHERE participant_id = ?", arguments: [participant])
        case let .policyAdopted(adopted):
            try book.adopt(adopted, at: input.position, in: db)
            for participant in try book.participants(in: adopted.academicYear, from: db) {
                try book.update(participant, in: db) { account in try settle(&account, year: adopted.academicYear, rescoring: true, in: db) }
            }
        case let .earned(earning):
            try earn(earning, act)
        case let .festivalAnnounced(festival, earnings):
            // A second announcement was appended around the commands: the audit reports it, and
            // it pays nothing.
            guard try book.recordAnnouncement(of: festival, at: input.position, in: db) else { return }
            for earning in earnings { try earn(earning, act) }
        case let .contributed(key, earning):
            book.recordAuthor(earning.participant, of: key)
            try earn(earning, act)
        case let .contributionWithdrawn(key):
            guard let author = try book.author(of: key, in: db) else { return }
            // The contribution, its adoption, and the endorsements it received.
            let endorsed = "\(key):"
            try retract(from: [author], in: db) { line in
                switch line.rule.family {
                case .contribution, .adoption: line.subject == key
                case .endorsement: line.subject.hasPrefix(endorsed)
                default: false
                }
            }
        case let .proposalAnswered(key, verdict):
            guard let author = try book.author(of: key, in: db) else { return }
            switch verdict {
            case .adopted: try earn(.init(subject: key, participant: author, rule: .amendmentAdopted), act)
            case .partlyAdopted: try earn(.init(subject: key, participant: author, rule: .amendmentPartlyAdopted), act)
            case .rejected: try retract(from: [author], in: db) { $0.rule.family == .adoption && $0.subject == key }
            }
        case let .proposalEndorsed(key, endorser):
            guard let author = try book.author(of: key, in: db) else { return }
            try earn(.init(subject: "\(key):\(endorser)", participant: author, rule: .endorsementReceived), act)
        case let .submissionCredited(submission, kind, authors):
            book.recordCredit(LedgerBook.SubmissionCredit(kind: kind, authors: authors), of: submission)
        case let .submitted(submission):
            try credit(submission: submission, rules: [.idea: .ideaSubmitted], act)
        case let .screened(submission, decision):
            switch decision {
            case .acceptedForEvaluation: try credit(submission: submission, rules: [.idea: .ideaAccepted, .experience: .experienceAccepted], act)
            case .rejected: try retractSubmission(submission, in: db)
            case .returnedForRevision: break
            }
        case let .submissionWithdrawn(submission):
            try retractSubmission(submission, in: db)
        }
    }

    /// The event being folded: where it is in the log, and the academic year it counts in.
    private struct Act {
        let position: Int64
        let academicYear: Int
        let db: Database
    }

    // MARK: - Facts

    /// Records (or restores) a fact and scores it: a new fact after everything its participant-year
    /// holds gets one more line from the sums; anything else scores the participant-year again.
    private func earn(_ earning: LedgerInput.Earning, _ act: Act) throws {
        let (subject, rule, share) = (earning.subject, earning.rule, earning.share)
        let (db, academicYear) = (act.db, act.academicYear)
        try book.update(earning.participant, in: db) { account in
            var moved = false
            if let (year, index) = account.find(rule.family, about: subject) {
                // The act that decides a changed line is this one (a later answer that replaces
                // an adoption, a fact earned again after it was retracted): in its year the line
                // takes this act's position, as evidence and in the order a cap is given out in,
                // and the year is scored again. (A line of another year stays in its year.)
                let decidedAgain = year == academicYear && account.years.withYear(year) { ledgerYear -> Bool in
                    let line = ledgerYear[index]
                    guard line.position != act.position, line.retracted || line.rule != rule || line.share != share else { return false }
                    ledgerYear.remove(at: index)
                    return true
                }
                moved = decidedAgain
            }
            if !moved, let (year, index) = account.find(rule.family, about: subject) {
                let changed = account.years.withYear(year) { ledgerYear in
                    var line = ledgerYear[index]
                    // The same act credited again (a second answer to a survey): nothing changes.
                    guard line.retracted || line.rule != rule || line.share != share else { return false }
                    line.rule = rule
                    line.share = share
                    line.retracted = false
                    line.isDirty = true
                    ledgerYear[index] = line
                    return true
                }
                if changed { try settle(&account, year: year, rescoring: true, in: db) }
                return
            }
            let line = LedgerLine(about: subject, rule: rule, share: share, position: act.position)
            let schedule = try book.schedule(for: academicYear, kind: account.kind, in: db)
            // The year's total before the line, when the line comes after every other and is
            // scored from the sums; nil when it comes before some, and the year is scored again.
            let totalBefore: Double? = account.years.withYear(academicYear) { ledgerYear in
                if moved || ledgerYear.lines.last.map({ $0.comes(after: line.position, line.factKey) }) == true {
                    let index = ledgerYear.lines.firstIndex { $0.comes(after: line.position, line.factKey) } ?? ledgerYear.lines.endIndex
                    ledgerYear.insert(line, at: index)
                    return nil
                }
                let total = ledgerYear.total
                LedgerScoring.append(line, to: &ledgerYear, schedule: schedule)
                return total
            }
            try settle(&account, year: academicYear, rescoring: totalBefore == nil, previousTotal: totalBefore, in: db)
        }
    }

    /// Retracts the lines that `matches` from the participants they credit, and scores the years
    /// they were in again.
    private func retract(from participants: [String], in db: Database, where matches: (LedgerLine) -> Bool) throws {
        for participant in Set(participants).sorted() {
            try book.update(participant, in: db) { account in
                for year in account.years.keys.sorted() {
                    let changed = account.years.withYear(year) { ledgerYear in
                        var changed = false
                        for index in ledgerYear.lines.indices {
                            var line = ledgerYear[index]
                            guard !line.retracted, matches(line) else { continue }
                            line.retracted = true
                            line.isDirty = true
                            ledgerYear[index] = line
                            changed = true
                        }
                        return changed
                    }
                    if changed { try settle(&account, year: year, rescoring: true, in: db) }
                }
            }
        }
    }

    private func retractSubmission(_ submission: String, in db: Database) throws {
        guard let credit = try book.credit(of: submission, in: db) else { return }
        try retract(from: credit.authors.map(\.id), in: db) { $0.rule.creditsASubmission && $0.subject == submission }
    }

    /// Credits each author of the submission, by their share, with the rule for its kind.
    private func credit(submission: String, rules: [LedgerBook.SubmissionCredit.Kind: LedgerRule], _ act: Act) throws {
        guard let credit = try book.credit(of: submission, in: act.db), let rule = rules[credit.kind] else { return }
        for author in credit.authors {
            try earn(.init(subject: submission, participant: author.id, rule: rule, share: author.share / 100), act)
        }
    }

    // MARK: - Participants and scores

    private func register(_ registered: ParticipantRegistered, in db: Database) throws {
        let participant = registered.participantId
        let before = try book.account(participant, in: db)
        let moves = before.university != nil && before.university != registered.university
        if let university = before.university, moves {
            for (year, ledgerYear) in before.years { try book.addToUniversity(university, year: year, -ledgerYear.total, in: db) }
        }
        try book.register(participant, kind: registered.kind, university: registered.university, in: db)
        try book.update(participant, in: db) { account in
            for year in account.years.keys.sorted() {
                try settle(&account, year: year, rescoring: true, previousTotal: moves ? 0 : nil, in: db)
            }
        }
    }

    /// After a participant-year's lines changed: scores them again when asked, and moves the
    /// university's total by the change in the year's total. The incentives reached, the
    /// participant's and the university's, are settled once per flush by the book.
    private func settle(_ account: inout LedgerAccount, year: Int, rescoring: Bool, previousTotal: Double? = nil, in db: Database) throws {
        let schedule = try rescoring ? book.schedule(for: year, kind: account.kind, in: db) : nil
        let (previous, total) = account.years.withYear(year) { ledgerYear in
            let previous = previousTotal ?? ledgerYear.total
            if rescoring { LedgerScoring.rescore(&ledgerYear, schedule: schedule) }
            ledgerYear.isDirty = true
            return (previous, ledgerYear.total)
        }
        guard let university = account.university else { return }
        try book.addToUniversity(university, year: year, total - previous, in: db)
    }
}
