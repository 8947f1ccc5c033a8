import EventStore
import Foundation
import HadafServer
import HadafEvents
import HadafProjections
import HadafTestSupport
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Participation
import Testing

@Suite("Erasure that erases: nothing of the person in any file the platform writes")
struct ErasureTests {
    private let boundary = "----hadaf-erasure-boundary"

    /// A student who signs in with their e-mail and uses every form (an idea, an experience with a
    /// file that carries their name, national code and e-mail under a file name that does too, a
    /// survey answer, each with an idempotency key) is erased through the API. Then every file
    /// beside the log (log, WAL and SHM, read models, accounts, keys, attachments) is searched
    /// for the name, the national code in Latin, Persian and Arabic-Indic digits, and the
    /// e-mail: none holds any. Before, the login kept signing in, the e-mail stayed in every
    /// idempotency key of the log's metadata, and the file and its name stayed.
    @Test func aStudentWhoUsedEveryFormLeavesNothingBehind() async throws {
        let fixture = try await ServerFixture.make()
        let (name, code, email) = ("مریم احمدی", "0499370899", "maryam@ut.ac.ir")
        let student = try ParticipantRegistry(store: fixture.server.store).participantId(for: NationalCode(code))
        try fixture.server.accounts.add(Account(login: email, actor: Actor(id: student, role: .student), university: "ut"), password: "maryam-password-1")
        let evidence = Data("%PDF-1.4 گواهی \(name) کد ملی \(code) رایانامه \(email)".utf8)
        try await fixture.test { client in
            let session = try await client.signIn(email, "maryam-password-1")
            var keyed = session.jsonHeaders
            keyed[HTTPField.Name("Idempotency-Key")!] = "\(email):answer-1"
            let answer = #"{"surveyId":"dorm-culture","answers":{"q1":{"choice":"تئاتر"},"q2":{"number":4}}}"#
            try await client.execute(uri: "/api/v1/commands/survey.answer", method: .post, headers: keyed, body: ByteBuffer(string: answer)) { #expect($0.status == .created) }
            let idea: [(String, String)] = [
                ("csrfToken", session.csrfToken), ("title", "شب شعر خوابگاه"), ("summary", "نشست ماهانه"), ("problem", "کم‌رونقی"),
                ("proposal", "هر ماه یک شب"), ("expectedImpact", "پیوند"), ("category", "literary"), ("idempotencyKey", "\(email):idea-form-1"),
            ]
            let form: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/forms/idea", method: .post, headers: form, body: urlEncodedForm(idea)) { #expect($0.status == .created, "\($0.text)") }
            var body = Data()
            for (field, value) in [("csrfToken", session.csrfToken), ("title", "نمایشگاه کتاب"), ("summary", "سه روز"), ("startedOn", "۱۴۰۵/۰۷/۱۸"),
                                   ("endedOn", "2026-10-12"), ("place", "سرای دانشجویی"), ("results", "۱۲۰۰ کتاب"), ("category", "cultural"),
                                   ("idempotencyKey", "\(email):experience-1")] {
                body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
            }
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"\(name) \(code).pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            body += evidence + Data("\r\n--\(boundary)--\r\n".utf8)
            try await client.execute(
                uri: "/forms/experience", method: .post, headers: [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(bytes: body)
            ) { #expect($0.status == .created, "\($0.text)") }
            _ = try fixture.server.projections.catchUp()

            let ministry = try await client.signIn("ministry", fixture.passwords["ministry"]!)
            try await client.execute(
                uri: "/api/v1/commands/participant.erase", method: .post, headers: ministry.jsonHeaders, body: ByteBuffer(string: #"{"participantId":"\#(student)"}"#)
            ) { #expect($0.status == .created, "\($0.text)") }
            _ = try fixture.server.projections.catchUp()
            // Nobody signs in as them any more, with the e-mail or with the demo's login.
            for (login, password) in [(email, "maryam-password-1"), ("student", fixture.passwords["student"]!)] {
                try await client.execute(
                    uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"login":"\#(login)","password":"\#(password)"}"#)
                ) { #expect($0.status == .unauthorized, "\(login) still signs in") }
            }
        }
        let digits = [code, Digits.persian(code), String(code.unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) })]
        let needles = ([name, email] + digits).map { Data($0.utf8) }
        var scanned = 0
        for file in Self.files(under: fixture.directory.url) {
            let bytes = (try? Data(contentsOf: file)) ?? Data()
            scanned += 1
            for needle in needles where bytes.range(of: needle) != nil {
                Issue.record("\(file.lastPathComponent) holds '\(String(decoding: needle, as: UTF8.self))'")
            }
        }
        #expect(scanned >= 8, "the log, its WAL, the read model, the accounts, the keys, the attachments' usage: \(scanned) files")
    }

    /// Every regular file under `directory`, at any depth.
    private static func files(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        return files
    }
}
