import Foundation
import HadafEvents
import Participation

/// A university's awards office for a year, as its deputy officers (and the ministry) use it:
/// the budget lines with what is left, the awards with their standing and the approve and
/// revoke forms, and the people the ledger makes eligible who hold no such award yet, each with
/// the form that issues it.
struct AwardsOfficePage: Sendable {
    static let template = "awards-office"

    let account: PageAccount
    let csrfToken: String
    let university: String
    let universityName: String
    let year: Int
    let yearText: String
    /// A ministry officer allocates budget lines here.
    let allocates: Bool
    let lines: [Line]
    let hasLines: Bool
    let awards: [Award]
    let hasAwards: Bool
    let eligible: [Candidate]
    let hasEligible: Bool
    let notice: String?
    let formError: String?

    struct Line: Sendable {
        let lineId: String
        let title: String
        let allocated: String
        let committed: String
        let remaining: String
    }

    struct Award: Sendable {
        let awardId: String
        let recipientName: String
        let kindName: String
        let amount: String
        let standing: String
        let inForce: Bool
        let mayApprove: Bool
        let mayRevoke: Bool
    }

    struct Candidate: Sendable {
        let recipient: String
        let recipientName: String
        let kind: String
        let kindName: String
        let points: String
        let paid: Bool
        let statesPoints: Bool
        let lineOptions: [Option]
    }

    struct Option: Sendable {
        let value: String
        let label: String
    }

    /// The office of `university` in `year`, from its stream, and who is eligible, from the
    /// ledger; `name` gives a recipient's name as people know it.
    init(
        account: PageAccount, actorId: String, university: String, universityName: String, year: Int, allocates: Bool, office: AwardOffice.State, eligibility: [(recipient: String, incentive: String, points: Double)],
        name: (String) throws -> String, notice: String?, formError: String?
    ) rethrows {
        self.account = account
        csrfToken = account.csrfToken
        self.university = university
        self.universityName = universityName
        self.year = year
        yearText = AcademicYear(startYear: year).persianText
        self.allocates = allocates
        lines = office.lines.keys.sorted().map { id in
            let line = office.lines[id]!
            return Line(
                lineId: id, title: line.title, allocated: PersianDisplay.rials(line.allocated), committed: PersianDisplay.rials(line.committed),
                remaining: PersianDisplay.rials(line.remaining))
        }
        hasLines = !lines.isEmpty
        let held = office.awards.values.sorted { Self.number(of: $0.issued.awardId) < Self.number(of: $1.issued.awardId) }
        awards = try held.map { held in
            let issued = held.issued
            let standing = held.revoked.map { "لغوشده: \($0.reason)" } ?? (held.counts ? "در اعتبار" : "در انتظار تأیید کارشناس دوم")
            return Award(
                awardId: issued.awardId, recipientName: try name(issued.recipient), kindName: issued.kind.persianName,
                amount: issued.rials.map(PersianDisplay.rials) ?? issued.promotionPoints.map { "\(PersianDisplay.number($0)) امتیاز" } ?? "—",
                standing: standing, inForce: held.counts, mayApprove: held.revoked == nil && !held.counts && issued.issuedBy != actorId, mayRevoke: held.revoked == nil)
        }
        hasAwards = !awards.isEmpty
        let active = Set(held.filter { $0.revoked == nil }.map { "\($0.issued.recipient)|\($0.issued.kind.rawValue)" })
        let lineOptions = lines.map { Option(value: $0.lineId, label: "\($0.title) (مانده \($0.remaining))") }
        eligible = try eligibility.compactMap { entry in
            guard let kind = AwardKind(rawValue: entry.incentive), !active.contains("\(entry.recipient)|\(kind.rawValue)") else { return nil }
            return Candidate(
                recipient: entry.recipient, recipientName: try name(entry.recipient), kind: kind.rawValue, kindName: kind.persianName,
                points: PersianDisplay.number(entry.points), paid: kind.isPaid, statesPoints: kind == .facultyPromotionPoints, lineOptions: lineOptions)
        }
        hasEligible = !eligible.isEmpty
        self.notice = notice
        self.formError = formError
    }

    /// The number at the end of an award id, for the order awards were issued in.
    private static func number(of awardId: String) -> Int { Int(awardId.split(separator: "-").last ?? "") ?? 0 }
}
