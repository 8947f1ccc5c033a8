import EventStore
import Foundation
import HadafEvents
import HadafProjections
import Hummingbird
import Participation

/// The awards office in the browser, for a university's deputy officers (their university) and
/// the ministry (any, by `?university=`): `GET /awards` (budget lines, awards, eligible people),
/// the forms that issue, approve and revoke (`POST /forms/awards`, `…/{id}/approve`,
/// `…/{id}/revoke`) and, for the ministry, allocate a budget line (`…/budget`), each sending its
/// `award.*` command; and `GET /audit`, the year's audit.
/// A browser goes back to the office; a refusal comes back as the office with the reason above.
struct AwardsOfficeRoutes {
    let runner: CommandRunner
    let store: EventStore
    let model: ReadModel
    let pages: PageRenderer

    func add(to router: Router<HadafRequestContext>) {
        router.get("/awards") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let (university, year) = try OfficerScope(identity.account, request).pair
            return try office(university, year: year, identity: identity, notice: request.uri.queryParameters.get("done").map { "«\($0)» ثبت شد." })
        }
        router.get("/audit") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let (university, year) = try OfficerScope(identity.account, request).pair
            let report = try LogReadSide.translating { () throws(ProjectionError) in try AwardAudit.run(AuditScope(university: university, year: year), on: store) }
            let page = AuditPage(
                account: PageAccount(identity.account, csrfToken: identity.csrfToken), university: university, universityName: try OfficerScope.name(of: university, in: store),
                year: year, report: report)
            return try pages.response(AuditPage.template, page)
        }
        router.post("/forms/awards") { request, context in
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "award.issue")
            let fields = form.fields
            func value(_ name: String) -> String? { fields[name].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 } }
            let university = fields["university"] ?? ""
            let year = try FormNumber.academicYear(fields["academicYear"], field: "academicYear", fallback: AcademicYear(containing: Date()).startYear)
            return try await handle(request, context, form, "award.issue", university: university, year: year) {
                guard let kind = AwardKind(rawValue: try fields.required("kind")) else {
                    throw Problem.malformedForm(field: "kind", english: "Choose a kind of award.", persian: "نوع مشوق را برگزینید.")
                }
                return IssuePayload(
                    recipient: try fields.required("recipient"), kind: kind.rawValue, academicYear: year, university: university,
                    rials: try value("rials").map { try FormNumber.whole($0, field: "rials") }, budgetLine: value("budgetLine"),
                    promotionPoints: try value("promotionPoints").map { try FormNumber.decimal($0, field: "promotionPoints") })
            }
        }
        router.post("/forms/awards/budget") { request, context in
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "award.allocate_budget")
            let fields = form.fields
            let university = fields["university"] ?? ""
            let year = try FormNumber.academicYear(fields["academicYear"], field: "academicYear", fallback: AcademicYear(containing: Date()).startYear)
            return try await handle(request, context, form, "award.allocate_budget", university: university, year: year, subject: fields["lineId"]) {
                BudgetPayload(
                    university: university, academicYear: year, lineId: try fields.required("lineId"), title: try fields.required("title"),
                    rials: try FormNumber.whole(try fields.required("rials"), field: "rials"))
            }
        }
        for action in ["approve", "revoke"] {
            router.post("/forms/awards/:id/\(action)") { request, context in
                let awardId = try context.parameters.require("id")
                guard let office = AwardEvent.office(ofAward: awardId) else { throw Problem.notFound(.award(awardId)) }
                let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "award.\(action)")
                return try await handle(request, context, form, "award.\(action)", university: office.university, year: office.year, subject: awardId) {
                    action == "approve" ? ["awardId": awardId] : ["awardId": awardId, "reason": form.fields["reason"] ?? ""]
                }
            }
        }
    }

    /// What a query value keeps unescaped: letters, digits, `-`, `.` and `_`.
    private static let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._"))

    private struct BudgetPayload: Encodable {
        let university: String
        let academicYear: Int
        let lineId, title: String
        let rials: Int64
    }

    private struct IssuePayload: Encodable {
        let recipient, kind: String
        let academicYear: Int
        let university: String
        let rials: Int64?
        let budgetLine: String?
        let promotionPoints: Double?
    }

    /// What the form handlers answer a script.
    struct Done: Codable {
        let command: String
        let awardId: String?
        let positions: [Int64]?
    }

    /// Runs the form's command as its sender; a browser goes back to the office, or sees it
    /// again with the refusal.
    private func handle(
        _ request: Request, _ context: HadafRequestContext, _ form: FormSubmission, _ name: String, university: String, year: Int, subject: String? = nil,
        payload: () throws -> any Encodable
    ) async throws -> Response {
        do {
            let result = try await form.run(name, payload: try payload(), on: runner, in: context, of: request)
            let done = result.awardId ?? subject ?? name
            return try FormSubmission.reply(
                to: request, seeOther: "/awards?university=\(university)&year=\(year)&done=\(done.addingPercentEncoding(withAllowedCharacters: Self.plain) ?? "")",
                created: Done(command: name, awardId: result.awardId, positions: result.positions.map { [$0.lowerBound, $0.upperBound] }))
        } catch let error where request.prefersHTML && context.identity != nil {
            guard let refusal = FormRefusal(error, context: context) else { throw error }
            return try office(university, year: year, identity: refusal.identity, formError: refusal.problem.persianMessage, status: refusal.problem.status)
        }
    }

    /// The office page of `university` in `year`.
    private func office(
        _ university: String, year: Int, identity: Identity, notice: String? = nil, formError: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let state = try CommandHandler<AwardOffice>(store: store).load(AwardOffice.stream(university: university, year: year)).state
        let eligibility = try EligibilityEntry.read(university: university, year: year, in: model).map { ($0.participant, $0.incentive, $0.points) }
        let names = DisplayNames(store: store)
        let universityName = try OfficerScope.name(of: university, in: store)
        let page = try AwardsOfficePage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), actorId: identity.account.actor.id, university: university,
            universityName: universityName, year: year, allocates: identity.account.actor.role == .ministryOfficer, office: state, eligibility: eligibility,
            name: { recipient in try names.recipient(recipient, universityName: universityName) },
            notice: notice, formError: formError)
        return try pages.response(AwardsOfficePage.template, page, status: status)
    }
}
