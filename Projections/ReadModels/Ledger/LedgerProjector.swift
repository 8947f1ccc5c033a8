import EventStore
import Foundation
import GRDB
import HadafEvents

/// The participation ledger: one line per scoring decision (participant, academic year, points,
/// rule, policy version, and the event position that earned it), so that every total is the sum
/// of its lines and every line points at its evidence.
///
/// A line is a fact scored: what earned what, whatever the policy (a key, so that a withdrawal
/// or a rejection can retract it and a restoration find it; a rule; the participant's share of
/// the credit, as co-authors split it; a position), and its points under the adopted policy of
/// its academic year, in position order, with the rule caps and the total cap applied. Retracted
/// lines stay, with no points. Adopting a policy for a year scores that year's lines again and no
/// other year's.
///
/// *Eligibility* follows the totals: a participant-year reaches each incentive whose threshold
/// its total meets, for its kind of participant; a university reaches the deputy's incentives
/// through the sum of its participants' points.
///
/// The fold (``LedgerFold``) keeps participants' accounts in memory and writes each changed one
/// once per commit, so that an event costs no SQL but its own line.
public struct LedgerProjector: Projector {
    public let name = "ledger"
    public let version = 6
    public let tables = [
        "ledger_participants", "ledger_policies", "ledger_proposals", "ledger_submissions", "ledger_announcements", "ledger_lines",
        "ledger_totals", "ledger_university_totals", "eligibility",
    ]
    public let eventTypes: Set<String> = [
        ParticipantRegistered.eventType, ParticipantErased.eventType, PolicyAdopted.eventType,
        SurveyAnswered.eventType, SurveyParticipationCredited.eventType,
        ArticleContributed.eventType, ContributionWithdrawn.eventType, ProposalAnswered.eventType, ProposalEndorsed.eventType,
        SubmissionDrafted.eventType, SubmissionRevised.eventType, SubmissionSubmitted.eventType,
        SubmissionScreened.eventType, SubmissionWithdrawn.eventType, FestivalWinnersAnnounced.eventType,
    ]

    /// How many lines the fold holds before it forgets what it has written; beyond this, a
    /// participant's account is read back from the tables when next needed.
    public let maximumHeldLines: Int

    /// The ledger's fold is mostly work in memory: it rebuilds on a core of its own.
    public var rebuildsApart: Bool { true }

    /// Lines a fold holds by default, which bounds its memory on a log of any size.
    public static let defaultMaximumHeldLines = 2_000_000

    public init(maximumHeldLines: Int = Self.defaultMaximumHeldLines) {
        self.maximumHeldLines = maximumHeldLines
    }

    public func createTables(in db: Database, names: TableNames) throws {
        try db.execute(sql: """
            CREATE TABLE \(names.table("ledger_participants")) (
                participant_id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, university TEXT, erased INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
            CREATE TABLE \(names.table("ledger_policies")) (
                academic_year INTEGER PRIMARY KEY NOT NULL, version TEXT NOT NULL, content_hash TEXT NOT NULL, source TEXT NOT NULL, position INTEGER NOT NULL);
            CREATE TABLE \(names.table("ledger_proposals")) (proposal_key TEXT PRIMARY KEY NOT NULL, author TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE \(names.table("ledger_announcements")) (festival_id TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TABLE \(names.table("ledger_submissions")) (submission_id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, authors TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE \(names.table("ledger_lines")) (
                participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL, fact_key TEXT NOT NULL, rule_id TEXT NOT NULL,
                share REAL NOT NULL, position INTEGER NOT NULL, retracted INTEGER NOT NULL, points REAL NOT NULL, capped INTEGER NOT NULL,
                policy_version TEXT, PRIMARY KEY (participant_id, academic_year, fact_key)) WITHOUT ROWID;
            CREATE TABLE \(names.table("ledger_totals")) (
                participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL, points REAL NOT NULL, last_position INTEGER NOT NULL,
                PRIMARY KEY (participant_id, academic_year)) WITHOUT ROWID;
            CREATE TABLE \(names.table("ledger_university_totals")) (
                university TEXT NOT NULL, academic_year INTEGER NOT NULL, points REAL NOT NULL, PRIMARY KEY (university, academic_year));
            CREATE TABLE \(names.table("eligibility")) (
                participant_id TEXT NOT NULL, academic_year INTEGER NOT NULL, incentive TEXT NOT NULL, university TEXT,
                policy_version TEXT NOT NULL, PRIMARY KEY (participant_id, academic_year, incentive)) WITHOUT ROWID;
            CREATE INDEX \(names.index("by_university_year", on: "eligibility")) ON \(names.table("eligibility")) (university, academic_year);
            """)
    }

    public func makeFold(names: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        LedgerFold(names: names, startsEmpty: startsEmpty, maximumHeldLines: maximumHeldLines)
    }
}
