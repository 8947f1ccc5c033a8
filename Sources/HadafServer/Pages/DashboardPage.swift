import EventStore
import Foundation
import HadafEvents
import HadafProjections
import Participation

/// A person's dashboard: the surveys open to them, the regulations under review they may comment
/// on, their submissions with their status, their points this academic year line by line (each
/// with the date and log position of the act that earned it), their awards with a link to each
/// certificate, the festivals, a juror's juries, for the ministry every survey and university,
/// and how many submissions await a deputy officer's screening.
struct DashboardPage: Sendable {
    static let template = "dashboard"

    let account: PageAccount
    let displayRole: String
    let today: String
    let academicYear: String
    /// Whether the role submits ideas and experiences.
    let submits: Bool
    let surveys: [OpenSurvey]
    let hasSurveys: Bool
    let regulations: [Regulation]
    let hasRegulations: Bool
    let submissions: [Submission]
    let hasSubmissions: Bool
    let lines: [Line]
    let hasLines: Bool
    let total: String
    let awards: [Award]
    let hasAwards: Bool
    let festivals: [Festival]
    let hasFestivals: Bool
    let juries: [Festival]
    let hasJuries: Bool
    /// For a university deputy officer: how many submissions await their screening.
    let screens: Bool
    let awaitingScreening: String
    /// For a ministry officer: every survey with its results, and every university's pages.
    let oversees: Bool
    let allSurveys: [SurveyRow]
    let universities: [UniversityRow]

    struct SurveyRow: Sendable {
        let surveyId: String
        let title: String
        let statusName: String
        let closesOn: String
    }

    struct UniversityRow: Sendable {
        let code: String
        let universityName: String
    }

    struct Festival: Sendable {
        let festivalId: String
        let title: String
        let stage: String
        let closesOn: String
    }

    struct Regulation: Sendable {
        let regulationId: String
        let title: String
        let deadline: String
    }

    struct OpenSurvey: Sendable {
        let surveyId: String
        let title: String
        let closesOn: String
        let answered: Bool
        let anonymous: Bool
    }

    struct Submission: Sendable {
        let submissionId: String
        let title: String
        let kind: String
        let status: String
        let statusCode: String
        let updatedOn: String
    }

    /// An award the person holds: its certificate's link while it is in force.
    struct Award: Sendable {
        let awardId: String
        let kindName: String
        let yearText: String
        let standing: String
        let inForce: Bool
    }

    struct Line: Sendable {
        let rule: String
        let points: String
        let capped: Bool
        let on: String
        let position: String
    }

    /// The dashboard of `account` at `now`, read from the read model; dates from the log.
    init(account: Account, page: PageAccount, now: Date, model: ReadModel, store: EventStore) throws {
        let year = AcademicYear(containing: now)
        func day(_ position: Int64) throws -> String { try PersianDisplay.day(ofPosition: position, in: store) }
        self.account = page
        displayRole = page.displayRole
        today = PersianDisplay.date(now)
        academicYear = year.persianText
        submits = [.student, .faculty, .studentGroupRepresentative].contains(account.actor.role)
        surveys = try SurveyListing.open(at: now, for: account.actor.id, kind: account.actor.role, university: account.university, in: model).map {
            OpenSurvey(surveyId: $0.surveyId, title: $0.title, closesOn: PersianDisplay.lastDay(before: $0.closesAt), answered: $0.answered, anonymous: $0.anonymous)
        }
        hasSurveys = !surveys.isEmpty
        regulations = try RegulationListing.underReview(at: now, kind: account.actor.role.rawValue, university: account.university, in: model).map {
            Regulation(regulationId: $0.regulationId, title: $0.title, deadline: PersianDisplay.lastDay(before: $0.deadline))
        }
        hasRegulations = !regulations.isEmpty
        submissions = try CatalogueEntry.read(submitter: account.actor.id, in: model).map { entry in
            Submission(
                submissionId: entry.submissionId, title: entry.title, kind: PersianDisplay.kind(entry.kind), status: PersianDisplay.status(entry.status),
                statusCode: entry.status, updatedOn: try day(entry.updatedPosition))
        }
        hasSubmissions = !submissions.isEmpty
        let scored = try ScoreLine.read(participant: account.actor.id, year: year.startYear, in: model)
        lines = try scored.map { line in
            Line(rule: PersianDisplay.rule(line.rule), points: PersianDisplay.number(line.points), capped: line.capped, on: try day(line.position), position: Digits.persian(line.position))
        }
        hasLines = !lines.isEmpty
        total = PersianDisplay.number(scored.reduce(0) { $0 + $1.points })
        let held = try account.university.map { try AwardRecord.held(by: account.actor.id, university: $0, in: store) } ?? []
        awards = held.map { record in
            let standing = switch record.status {
            case .inForce: "در اعتبار"
            case .awaitingApproval: "در انتظار تأیید کارشناس دوم"
            case .revoked: "لغوشده"
            }
            return Award(
                awardId: record.issued.awardId, kindName: record.issued.kind.persianName, yearText: AcademicYear(startYear: record.issued.academicYear).persianText,
                standing: standing, inForce: record.status == .inForce)
        }
        hasAwards = !awards.isEmpty
        func festival(_ listing: FestivalListing) -> Festival {
            Festival(festivalId: listing.festivalId, title: listing.title, stage: PersianDisplay.festivalStage(listing.stage), closesOn: PersianDisplay.lastDay(before: listing.closesAt))
        }
        festivals = try FestivalListing.all(in: model).map(festival)
        hasFestivals = !festivals.isEmpty
        juries = account.actor.role == .juror ? try FestivalListing.judged(by: account.actor.id, in: model).map(festival) : []
        hasJuries = !juries.isEmpty
        screens = account.actor.role == .universityDeputyOfficer && account.university != nil
        awaitingScreening = Digits.persian(screens ? try ScreeningQueue.read(university: account.university!, in: model).count : 0)
        oversees = account.actor.role == .ministryOfficer
        allSurveys = oversees ? try SurveyOverview.all(in: model).map { survey in
            let status = switch survey.status {
            case "draft": "پیش‌نویس"
            case "published": "منتشرشده"
            default: "بسته"
            }
            return SurveyRow(surveyId: survey.surveyId, title: survey.title, statusName: status, closesOn: PersianDisplay.lastDay(before: survey.closesAt))
        } : []
        universities = oversees ? try store.streams(prefixed: "university-").compactMap { stream in
            let code = String(stream.dropFirst("university-".count))
            return try CommandHandler<University>(store: store).load(stream).state.registered.map { UniversityRow(code: code, universityName: $0.name) }
        } : []
    }
}
