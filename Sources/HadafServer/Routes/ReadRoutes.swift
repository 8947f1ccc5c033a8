import HadafEvents
import HadafProjections
import Hummingbird

/// The read models under `/api/v1`, each behind the rule of who may see it: a participant
/// sees their own ledger; a deputy officer their university's; a ministry officer everything.
struct ReadRoutes {
    let model: ReadModel

    func add(to router: Router<HadafRequestContext>) {
        router.get("/api/v1/participants/:id/scores") { request, context in
            let account = try context.requireAccount()
            let participant = try context.parameters.require("id")
            try mayRead(participant: participant, by: account)
            return try JSONResponse.make(try ScoreLine.read(participant: participant, year: try Self.year(request), in: model))
        }
        router.get("/api/v1/universities/:code/eligibility") { request, context in
            let university = try context.parameters.require("code")
            try mayRead(university: university, by: try context.requireAccount())
            return try JSONResponse.make(try EligibilityEntry.read(university: university, year: try Self.requiredYear(request), in: model))
        }
        router.get("/api/v1/universities/:code/summary") { request, context in
            let university = try context.parameters.require("code")
            try mayRead(university: university, by: try context.requireAccount())
            return try JSONResponse.make(try UniversitySummary.read(university: university, year: try Self.requiredYear(request), in: model))
        }
        router.get("/api/v1/surveys/:id/results") { _, context in
            let account = try context.requireAccount()
            guard [.ministryOfficer, .universityDeputyOfficer].contains(account.actor.role) else { throw Problem.forbidden("see survey results", "دیدن نتیجه نظرسنجی") }
            let survey = try context.parameters.require("id")
            guard let results = try SurveyResults.read(survey, in: model) else { throw Problem.notFound(.survey(survey)) }
            return try JSONResponse.make(results)
        }
    }

    private func mayRead(participant: String, by account: Account) throws {
        switch account.actor.role {
        case .ministryOfficer: return
        case .universityDeputyOfficer:
            guard let university = try ScoreLine.university(of: participant, in: model), university == account.university else {
                throw Problem.forbidden("see the points of a participant of another university", "دیدن امتیاز همیار دانشگاهی دیگر")
            }
        default:
            guard participant == account.actor.id else { throw Problem.forbidden("see another participant's points", "دیدن امتیاز همیاری دیگر") }
        }
    }

    private func mayRead(university: String, by account: Account) throws(Problem) {
        switch account.actor.role {
        case .ministryOfficer: return
        case .universityDeputyOfficer where account.university == university: return
        default: throw .forbidden("see the participation of \(university)", "دیدن همیاری «\(university)»")
        }
    }

    private static func year(_ request: Request) throws(Problem) -> Int? {
        guard let text = request.uri.queryParameters["year"].map(String.init) else { return nil }
        guard let year = AcademicYear(text) else {
            throw .malformedForm(field: "year", english: "'\(text)' is not an academic year such as 1404 or 1404-1405.", persian: "«\(text)» سال تحصیلی‌ای مانند ۱۴۰۴ یا ۱۴۰۴-۱۴۰۵ نیست.")
        }
        return year.startYear
    }

    private static func requiredYear(_ request: Request) throws(Problem) -> Int {
        guard let year = try year(request) else {
            throw .malformedForm(field: "year", english: "The query needs 'year', e.g. ?year=1404.", persian: "پرسش به «year» نیاز دارد، مانند ?year=1404.")
        }
        return year
    }
}
