import EventStore
import Foundation
import GRDB
import HadafEvents

/// The participation ledger: one line per scoring decision (participant, academic year, points,
/// rule, policy version, and the event position that earned it), so that every total is the sum
/// of its lines and every line points at its evidence.
///
/// It keeps two layers. *Facts* say what earned what, whatever the policy: a fact has a key (so
/// a withdrawal or a rejection can retract it), a participant, an academic year, a rule id, a
/// share of the credit (co-authors split by their shares) and a position. *Lines* are the facts
/// of a participant-year scored by that year's adopted policy, in position order, with the rule
/// caps and the total cap applied. Adopting a policy for a year recomputes that year's lines and
/// no other year's.
///
/// *Eligibility* follows the lines: a participant-year reaches each incentive whose threshold its
/// total meets, for its kind of participant; a university reaches the deputy's incentives through
/// the sum of its participants' points. The lines that reached it are the participant-year's lines.
public struct LedgerProjector: Projector {
    public let name = "ledger"
    public let version = 1
    public let tables = [
        "ledger_participants", "ledger_policies", "ledger_proposals", "ledger_submissions", "ledger_facts", "ledger_lines",
        "ledger_totals", "ledger_rule_totals", "ledger_university_totals", "eligibility",
    ]
    public let eventTypes: Set<String> = [
        ParticipantRegistered.eventType, ParticipantErased.eventType, PolicyAdopted.eventType,
        SurveyAnswered.eventType, SurveyParticipationCredited.eventType,
        ArticleContributed.eventType, ContributionWithdrawn.eventType, ProposalAnswered.eventType, ProposalEndorsed.eventType,
        SubmissionDrafted.eventType, SubmissionRevised.eventType, SubmissionSubmitted.eventType,
        SubmissionScreened.eventType, SubmissionWithdrawn.eventType,
    ]

    public init() {}

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("ledger_participants")) (
                participant_id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, university TEXT, erased INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE \(names.table("ledger_policies")) (
                academic_year INTEGER PRIMARY KEY NOT NULL, version TEXT NOT NULL, content_hash TEXT NOT NULL, source TEXT NOT NULL, position INTEGER NOT NULL);
            CREATE TABLE \(names.table("ledger_proposals")) (proposal_key TEXT PRIMARY KEY NOT NULL, author TEXT NOT NULL);
            CREATE TABLE \(names.table("ledger_submissions")) (submission_id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, authors TEXT NOT NULL);
            CREATE TABLE \(names.table("ledger_facts")) (
                fact_key TEXT PRIMARY KEY NOT NULL, participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL,
                rule_id TEXT NOT NULL, share REAL NOT NULL, position INTEGER NOT NULL, retracted INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX \(names.index("by_participant_year", on: "ledger_facts")) ON \(names.table("ledger_facts")) (participant_id, academic_year);
            CREATE INDEX \(names.index("by_year", on: "ledger_facts")) ON \(names.table("ledger_facts")) (academic_year);
            CREATE TABLE \(names.table("ledger_lines")) (
                fact_key TEXT PRIMARY KEY NOT NULL, participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL, rule_id TEXT NOT NULL,
                points REAL NOT NULL, capped INTEGER NOT NULL, policy_version TEXT NOT NULL, position INTEGER NOT NULL);
            CREATE INDEX \(names.index("by_participant_year", on: "ledger_lines")) ON \(names.table("ledger_lines")) (participant_id, academic_year);
            CREATE TABLE \(names.table("ledger_totals")) (
                participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL, points REAL NOT NULL, last_position INTEGER NOT NULL,
                PRIMARY KEY (participant_id, academic_year));
            CREATE TABLE \(names.table("ledger_rule_totals")) (
                participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL, rule_id TEXT NOT NULL, points REAL NOT NULL,
                PRIMARY KEY (participant_id, academic_year, rule_id));
            CREATE TABLE \(names.table("ledger_university_totals")) (
                university TEXT NOT NULL, academic_year INTEGER NOT NULL, points REAL NOT NULL, PRIMARY KEY (university, academic_year));
            CREATE TABLE \(names.table("eligibility")) (
                participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL, incentive TEXT NOT NULL, university TEXT,
                points REAL NOT NULL, policy_version TEXT NOT NULL, PRIMARY KEY (participant_id, academic_year, incentive));
            CREATE INDEX \(names.index("by_university_year", on: "eligibility")) ON \(names.table("eligibility")) (university, academic_year);
            """)
    }

    public func apply(_ event: RecordedEvent, in db: Database, names: TableNames) throws {
        try LedgerFolding(db: db, names: names, event: event).apply()
    }
}
