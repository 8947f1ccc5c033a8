import EventStore
import HadafEvents

/// The universities that HADAF's source documents name: demo data that `hadaf init --demo`
/// registers, each with its cultural deputy. A real deployment registers the ministry's list.
public enum DemoUniversities {
    /// Code, Persian name, English name.
    public static let all: [(code: String, name: String, englishName: String)] = [
        ("alzahra", "دانشگاه الزهرا", "Alzahra University"),
        ("modares", "دانشگاه تربیت مدرس", "Tarbiat Modares University"),
        ("razi", "دانشگاه رازی", "Razi University"),
        ("scu", "دانشگاه شهید چمران اهواز", "Shahid Chamran University of Ahvaz"),
        ("pwut", "دانشگاه صنعت آب و برق", "Power and Water University of Technology"),
        ("kntu", "دانشگاه صنعتی خواجه نصیرالدین طوسی", "K. N. Toosi University of Technology"),
        ("iut", "دانشگاه صنعتی اصفهان", "Isfahan University of Technology"),
        ("iust", "دانشگاه علم و صنعت ایران", "Iran University of Science and Technology"),
        ("um", "دانشگاه فردوسی مشهد", "Ferdowsi University of Mashhad"),
        ("yazd", "دانشگاه یزد", "Yazd University"),
        ("sharif", "دانشگاه صنعتی شریف", "Sharif University of Technology"),
        ("aut", "دانشگاه صنعتی امیرکبیر", "Amirkabir University of Technology"),
        ("tabrizu", "دانشگاه تبریز", "University of Tabriz"),
        ("ut", "دانشگاه تهران", "University of Tehran"),
    ]

    /// Registers every demo university and its cultural deputy; returns how many events were
    /// appended (0 when they all were already there).
    public static func register(in store: EventStore, clock: any Clock = SystemClock()) async throws(DomainError) -> Int {
        let handler = CommandHandler<University>(store: store, clock: clock)
        let system = Actor(id: "hadaf-demo", role: .system)
        var appended = 0
        for university in all {
            let stream = University.stream(code: university.code)
            appended += try await handler.handle(
                .register(
                    code: university.code, name: university.name, englishName: university.englishName,
                    province: UniversityRegistered.knownProvinces[university.code]),
                on: stream, by: system).eventCount
            appended += try await handler.handle(
                .registerCulturalDeputy(name: "معاونت فرهنگی و اجتماعی \(university.name)"), on: stream, by: system).eventCount
        }
        return appended
    }
}
