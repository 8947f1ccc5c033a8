import EventStore
import Foundation
import HadafEvents
import Participation

/// What `hadaf serve --demo` puts in an empty database on its first run: the universities,
/// people of every kind with an account each, a survey open now, a regulation under review now,
/// and the festival of the academic year with its call open and the demo juror on every jury.
/// Passwords are generated and returned once, for the operator to print.
public enum DemoSeed {
    /// One demo account and its password, shown once.
    public struct Credential: Sendable {
        public let login: String
        public let password: String
        public let role: Actor.Role
    }

    /// Seeds the log and the accounts; does nothing (and returns nothing) when accounts exist.
    public static func seed(store: EventStore, accounts: AccountStore, now: Date = Date()) async throws -> [Credential] {
        guard try accounts.isEmpty else { return [] }
        _ = try await DemoUniversities.register(in: store)
        _ = try await DemoStaff.appoint(in: store)
        let runner = CommandRunner(store: store)
        var ids: [String: String] = [:]
        for (index, line) in try commands(now: now).enumerated() {
            let request = try CommandRequest.decode(Data(line.utf8))
            let result = try await runner.run(request)
            if let id = result.participantId { ids["p\(index)"] = id }
        }
        if let juror = ids["p5"] {
            let festival = "hadaf-\(AcademicYear(containing: now).startYear)"
            for section in ["ideas", "experiences", "deputies"] {
                _ = try await Festivals(store: store).appointJuror(festival, jurorId: juror, section: section, university: nil, by: Actor(id: "officer-1", role: .ministryOfficer))
            }
        }
        let people: [(login: String, key: String?, id: String?, role: Actor.Role, university: String?)] = [
            ("ministry", nil, "officer-1", .ministryOfficer, nil),
            ("deputy-ut", "p1", nil, .universityDeputyOfficer, "ut"),
            ("student", "p2", nil, .student, "ut"),
            ("faculty", "p3", nil, .faculty, "ut"),
            ("group-rep", "p4", nil, .studentGroupRepresentative, "ut"),
            ("juror", "p5", nil, .juror, "sharif"),
        ]
        var credentials: [Credential] = []
        for person in people {
            guard let id = person.id ?? person.key.flatMap({ ids[$0] }) else { continue }
            let password = AccountStore.newPassword()
            try accounts.add(Account(login: person.login, actor: Actor(id: id, role: person.role), university: person.university), password: password)
            credentials.append(Credential(login: person.login, password: password, role: person.role))
        }
        return credentials
    }

    /// The demo's commands, as `hadaf exec` reads them, with dates around `now`.
    static func commands(now: Date) throws -> [String] {
        func instant(days: Double) -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.string(from: now.addingTimeInterval(days * 86_400))
        }
        let officer = #""actor":{"id":"officer-1","role":"ministry_officer"}"#
        let year = AcademicYear(containing: now).startYear
        let sections = String(decoding: try JSONEncoder().encode(CustomaryFestival.sections), as: UTF8.self)
        return [
            #"{"command":"university.register_student_group",\#(officer),"payload":{"university":"ut","groupId":"kanoon-ketab","name":"کانون کتاب‌خوانی"}}"#,
            #"{"command":"participant.register",\#(officer),"payload":{"kind":"university_deputy_officer","university":"ut","displayName":"کارشناس معاونت فرهنگی","nationalCode":"0051234564","email":"farhangi@ut.ac.ir"}}"#,
            #"{"command":"participant.register",\#(officer),"payload":{"kind":"student","university":"ut","displayName":"مریم احمدی","nationalCode":"0499370899","email":"maryam@ut.ac.ir"}}"#,
            #"{"command":"participant.register",\#(officer),"payload":{"kind":"faculty","university":"ut","displayName":"دکتر رضا رضایی","nationalCode":"1234567891","email":"rezaei@ut.ac.ir"}}"#,
            #"{"command":"participant.register",\#(officer),"payload":{"kind":"student_group_representative","university":"ut","studentGroup":"kanoon-ketab","displayName":"علی نوری","nationalCode":"3861237891","email":"nouri@ut.ac.ir"}}"#,
            #"{"command":"participant.register",\#(officer),"payload":{"kind":"faculty","university":"sharif","displayName":"دکتر سارا کریمی","nationalCode":"2720123455","email":"karimi@sharif.edu"}}"#,
            #"{"command":"survey.draft",\#(officer),"payload":{"surveyId":"dorm-culture","definition":{"title":"نظرسنجی برنامه‌های فرهنگی خوابگاه‌ها","description":"نظر شما درباره برنامه‌های فرهنگی خوابگاه","audience":{"kinds":["student"],"universities":[]},"opensAt":"\#(instant(days: -1))","closesAt":"\#(instant(days: 60))","allowsEditing":true,"questions":[{"id":"q1","text":"کدام برنامه را بیشتر می‌پسندید؟","kind":{"singleChoice":{"options":["کتاب‌خوانی","تئاتر","اردو"]}},"isRequired":true},{"id":"q2","text":"برنامه‌ها سودمند بودند.","kind":{"likert":{}},"isRequired":true},{"id":"q3","text":"پیشنهاد شما","kind":{"longText":{}},"isRequired":false}]}}}"#,
            #"{"command":"survey.publish",\#(officer),"payload":{"surveyId":"dorm-culture"}}"#,
            #"{"command":"regulation.publish",\#(officer),"payload":{"regulationId":"kanoon","kind":"regulation","title":"آیین‌نامه کانون‌های فرهنگی دانشجویی","articles":[{"number":1,"text":"کانون‌های فرهنگی با مجوز معاونت فرهنگی دانشگاه تشکیل می‌شوند.","notes":["مجوز یک‌ساله است."]},{"number":2,"text":"هر کانون یک دبیر و یک استاد مشاور دارد.","notes":[]}]}}"#,
            #"{"command":"regulation.open_round",\#(officer),"payload":{"regulationId":"kanoon","deadline":"\#(instant(days: 30))","audience":{"kinds":["faculty"],"universities":[]}}}"#,
            #"{"command":"festival.open",\#(officer),"payload":{"festivalId":"hadaf-\#(year)","year":\#(year),"title":"جشنواره هدف \#(Digits.persian(year))","closesAt":"\#(instant(days: 45))","sections":\#(sections)}}"#,
        ]
    }
}
