import EventStore
import Foundation
import HadafEvents
import Hummingbird
import Participation

/// The university and academic year an officer's page is about: a deputy officer's own
/// university (asking for another is refused), or the one a ministry officer names with
/// `?university=`; the year `?year=` gives (1404, 1404-1405 or in Persian digits), else the
/// current one. Other roles are refused.
struct OfficerScope {
    let university: String
    let year: Int

    var pair: (university: String, year: Int) { (university, year) }

    /// Sign-in and role are checked before any field is read: a student asking with a bad year
    /// is told 403, not 400.
    init(_ account: Account, _ request: Request) throws {
        let asked = request.uri.queryParameters.get("university").flatMap { $0.isEmpty ? nil : $0 }
        switch account.actor.role {
        case .universityDeputyOfficer:
            guard let own = account.university else { throw Problem.forbidden("see a university's pages", "دیدن صفحه‌های دانشگاه") }
            if let asked, asked != own { throw Problem.forbidden("see another university's pages", "دیدن صفحه‌های دانشگاهی دیگر") }
            university = own
        case .ministryOfficer:
            guard let asked else {
                throw Problem.malformedForm(field: "university", english: "Name the university (?university=ut).", persian: "دانشگاه را نام ببرید.")
            }
            university = asked
        default:
            throw Problem.forbidden("see a university's pages", "دیدن صفحه‌های دانشگاه")
        }
        year = try request.uri.queryParameters.get("year").map { text in
            guard let year = AcademicYear(text) else {
                throw Problem.malformedForm(field: "year", english: "'\(text)' is not an academic year.", persian: "«\(text)» سال تحصیلی نیست.")
            }
            return year.startYear
        } ?? AcademicYear(containing: Date()).startYear
    }

    /// The university's Persian name; a university not registered is not found.
    static func name(of university: String, in store: EventStore) throws -> String {
        guard let registered = try CommandHandler<University>(store: store).load(University.stream(code: university)).state.registered else {
            throw Problem.notFound(.university(university))
        }
        return registered.name
    }
}
