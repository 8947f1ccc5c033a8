import EventStore
import Foundation
import GRDB
import HadafEvents

/// Folds one event into the ledger's facts, and rescores the participant-years it touches.
struct LedgerFolding {
    let db: Database
    let names: TableNames
    let event: RecordedEvent

    func apply() throws {
        switch event.type {
        case ParticipantRegistered.eventType:
            guard let registered = try event.decode(as: ParticipantRegistered.self) else { return }
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table("ledger_participants")) (participant_id, kind, university, erased) VALUES (?, ?, ?, 0)")
                .execute(arguments: [registered.participantId, registered.kind, registered.university])
            try rescore(participant: registered.participantId)
        case ParticipantErased.eventType:
            let id = String(event.stream.dropFirst("participant-".count))
            try db.execute(sql: "UPDATE \(table("ledger_participants")) SET erased = 1 WHERE participant_id = ?", arguments: [id])
        case PolicyAdopted.eventType:
            guard let adopted = try event.decode(as: PolicyAdopted.self) else { return }
            try db.execute(
                sql: "INSERT OR REPLACE INTO \(table("ledger_policies")) (academic_year, version, content_hash, source, position) VALUES (?, ?, ?, ?, ?)",
                arguments: [adopted.academicYear, adopted.version, adopted.contentHash, adopted.source, event.position])
            let participants = try String.fetchAll(db, sql: "SELECT DISTINCT participant_id FROM \(table("ledger_facts")) WHERE academic_year = ?", arguments: [adopted.academicYear])
            for participant in participants { try rescore(participant: participant, year: adopted.academicYear) }
        case SurveyAnswered.eventType:
            guard let answered = try event.decode(as: SurveyAnswered.self), !answered.isRevision else { return }
            try earn("survey:\(stream("survey-")):\(answered.respondent)", participant: answered.respondent, rule: "survey.answered")
        case SurveyParticipationCredited.eventType:
            guard let credited = try event.decode(as: SurveyParticipationCredited.self) else { return }
            try earn("survey:\(credited.surveyId):\(credited.participantId)", participant: credited.participantId, rule: "survey.answered")
        case ArticleContributed.eventType:
            guard let contributed = try event.decode(as: ArticleContributed.self), !contributed.isRevision else { return }
            let key = "\(stream("regulation-"))/\(contributed.contributionId)"
            try db.execute(sql: "INSERT OR REPLACE INTO \(table("ledger_proposals")) (proposal_key, author) VALUES (?, ?)", arguments: [key, contributed.author])
            let rule = contributed.kind == .comment ? "regulation.comment" : "regulation.amendment_proposed"
            try earn("contribution:\(key)", participant: contributed.author, rule: rule)
        case ContributionWithdrawn.eventType:
            guard let withdrawn = try event.decode(as: ContributionWithdrawn.self) else { return }
            let key = "\(stream("regulation-"))/\(withdrawn.contributionId)"
            try retract(["contribution:\(key)", "adoption:\(key)"], prefix: "endorsement:\(key):")
        case ProposalAnswered.eventType:
            guard let answered = try event.decode(as: ProposalAnswered.self) else { return }
            let key = "\(stream("regulation-"))/\(answered.proposalId)"
            guard let author = try proposalAuthor(key) else { return }
            switch answered.verdict {
            case .adopted: try earn("adoption:\(key)", participant: author, rule: "regulation.amendment_adopted")
            case .partlyAdopted: try earn("adoption:\(key)", participant: author, rule: "regulation.amendment_partly_adopted")
            case .rejected: try retract(["adoption:\(key)"])
            }
        case ProposalEndorsed.eventType:
            guard let endorsed = try event.decode(as: ProposalEndorsed.self) else { return }
            let key = "\(stream("regulation-"))/\(endorsed.proposalId)"
            guard let author = try proposalAuthor(key) else { return }
            try earn("endorsement:\(key):\(endorsed.endorser)", participant: author, rule: "endorsement.received")
        case SubmissionDrafted.eventType:
            guard let drafted = try event.decode(as: SubmissionDrafted.self) else { return }
            try remember(submission: stream("submission-"), content: drafted.content, authors: drafted.authors)
        case SubmissionRevised.eventType:
            guard let revised = try event.decode(as: SubmissionRevised.self) else { return }
            try remember(submission: stream("submission-"), content: revised.content, authors: revised.authors)
        case SubmissionSubmitted.eventType:
            try credit(submission: stream("submission-"), rule: "submitted", kinds: ["idea"])
        case SubmissionScreened.eventType:
            guard let screened = try event.decode(as: SubmissionScreened.self) else { return }
            switch screened.decision {
            case .acceptedForEvaluation: try credit(submission: stream("submission-"), rule: "accepted", kinds: ["idea", "experience"])
            case .rejected: try retract([], prefix: "submission:\(stream("submission-")):")
            case .returnedForRevision: break
            }
        case SubmissionWithdrawn.eventType:
            try retract([], prefix: "submission:\(stream("submission-")):")
        default:
            break
        }
    }

    // MARK: - Facts

    /// Records (or restores) a fact and scores it: a new fact later than everything its
    /// participant-year holds gets one more line; anything else rescores the participant-year.
    private func earn(_ key: String, participant: String, rule: String, share: Double = 1) throws {
        let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT academic_year FROM \(table("ledger_facts")) WHERE fact_key = ?"), arguments: [key])
        let year = try existing.map { $0[0] as Int } ?? academicYear()
        try db.cachedStatement(sql: """
            INSERT INTO \(table("ledger_facts")) (fact_key, participant_id, academic_year, rule_id, share, position, retracted)
            VALUES (?, ?, ?, ?, ?, ?, 0)
            ON CONFLICT (fact_key) DO UPDATE SET rule_id = excluded.rule_id, share = excluded.share, retracted = 0
            """).execute(arguments: [key, participant, year, rule, share, event.position])
        let scoring = LedgerScoring(db: db, names: names)
        if existing == nil, try scoring.appendLine(key: key, participant: participant, year: year, rule: rule, share: share, position: event.position) {
            return
        }
        try scoring.rescore(participant: participant, year: year)
    }

    /// Retracts the facts with these keys or this key prefix, and rescores who they credited.
    private func retract(_ keys: [String], prefix: String? = nil) throws {
        var condition = "fact_key IN (\(keys.map { _ in "?" }.joined(separator: ",")))"
        var arguments = StatementArguments(keys)
        if let prefix {
            // A key range, so that the primary key's index finds them (a substr() test would scan).
            let range = "(fact_key >= ? AND fact_key < ?)"
            condition = keys.isEmpty ? range : "(\(condition) OR \(range))"
            arguments += [prefix, prefix + "\u{FFFF}"]
        }
        let touched = try Row.fetchAll(db, sql: "SELECT DISTINCT participant_id, academic_year FROM \(table("ledger_facts")) WHERE retracted = 0 AND \(condition)", arguments: arguments)
        try db.execute(sql: "UPDATE \(table("ledger_facts")) SET retracted = 1 WHERE \(condition)", arguments: arguments)
        for row in touched { try rescore(participant: row[0], year: row[1]) }
    }

    private func remember(submission: String, content: SubmissionContent, authors: [SubmissionAuthor]) throws {
        let kind = if case .idea = content { "idea" } else { "experience" }
        let encoded = authors.map { "\($0.kind == .studentGroup ? "group:" : "")\($0.id)=\($0.share)" }.joined(separator: ";")
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table("ledger_submissions")) (submission_id, kind, authors) VALUES (?, ?, ?)")
            .execute(arguments: [submission, kind, encoded])
    }

    /// Credits each author of the submission with `<kind>.<rule>`, by their share.
    private func credit(submission: String, rule: String, kinds: Set<String>) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, authors FROM \(table("ledger_submissions")) WHERE submission_id = ?", arguments: [submission]) else { return }
        let kind: String = row[0]
        guard kinds.contains(kind) else { return }
        let authors: String = row[1]
        for author in authors.split(separator: ";") {
            let parts = author.split(separator: "=")
            guard parts.count == 2, let share = Double(parts[1]) else { continue }
            try earn("submission:\(submission):\(kind).\(rule):\(parts[0])", participant: String(parts[0]), rule: "\(kind).\(rule)", share: share / 100)
        }
    }

    private func proposalAuthor(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT author FROM \(table("ledger_proposals")) WHERE proposal_key = ?", arguments: [key])
    }

    // MARK: - Scoring

    /// Rescores the participant's lines: of one year, or of every year they have facts in.
    private func rescore(participant: String, year: Int? = nil) throws {
        let years = try year.map { [$0] } ?? Int.fetchAll(db, sql: "SELECT DISTINCT academic_year FROM \(table("ledger_facts")) WHERE participant_id = ?", arguments: [participant])
        for year in years {
            try LedgerScoring(db: db, names: names).rescore(participant: participant, year: year)
        }
    }

    /// The academic year of the act: when it occurred, else when it was recorded (Tehran days).
    private func academicYear() throws -> Int {
        let occurred = (try? event.metadata().occurredAt) ?? nil
        return AcademicYear(containing: occurred ?? event.recordedAt).startYear
    }

    private func stream(_ prefix: String) -> String { String(event.stream.dropFirst(prefix.count)) }

    private func table(_ base: String) -> String { names.table(base) }
}
