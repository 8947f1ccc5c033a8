import Crypto
import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("The experience form with attachments")
struct ExperienceFormTests {
    private let boundary = "----hadaf-test-boundary"

    /// A multipart body: text fields, then files as (field, file name, media type, bytes).
    private func multipart(_ fields: [(String, String)], files: [(String, String, String, Data)]) -> ByteBuffer {
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, fileName, mediaType, content) in files {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: \(mediaType)\r\n\r\n".utf8)
            body += content + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }

    private func fields(csrf: String, startedOn: String = "۱۴۰۵/۰۷/۱۸") -> [(String, String)] {
        [("csrfToken", csrf), ("title", "نمایشگاه کتاب دست‌دوم"), ("summary", "سه روز مبادله کتاب"), ("startedOn", startedOn),
         ("endedOn", "2026-10-12"), ("place", "سرای دانشجویی"), ("results", "۱۲۰۰ کتاب مبادله شد"), ("category", "cultural")]
    }

    @Test func anExperienceWithEvidenceIsStoredByTheHashOfEachFile() async throws {
        let fixture = try await ServerFixture.make()
        let report = Data("%PDF-1.4 گزارش نمایشگاه".utf8)
        let photo = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
        try await fixture.test { client in
            let session = try await client.signIn("group-rep", fixture.passwords["group-rep"]!)
            let body = multipart(fields(csrf: session.csrfToken), files: [("evidence", "report.pdf", "application/pdf", report), ("evidence", "photo.jpg", "image/jpeg", photo)])
            try await client.execute(uri: "/forms/experience", method: .post, headers: [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], body: body) { response throws in
                #expect(response.status == .created)
            }
        }
        let drafted = try #require(try fixture.server.store.read(from: 1, limit: 1000).first { $0.type == SubmissionDrafted.eventType })
        let event = try #require(try drafted.decode(as: SubmissionDrafted.self))
        guard case let .experience(experience) = event.content else { Issue.record("not an experience"); return }
        let hashes = [report, photo].map { SHA256.hash(data: $0).map { String(format: "%02x", $0) }.joined() }
        #expect(experience.evidence.map(\.sha256) == hashes)
        #expect(experience.evidence.map(\.byteCount) == [report.count, photo.count])
        #expect(JalaliDate(experience.startedOn) == JalaliDate(year: 1405, month: 7, day: 18))
        let stored = fixture.server.attachments
        #expect(stored.content(sha256: hashes[0]) == report && stored.content(sha256: hashes[1]) == photo)
    }

    @Test func theExperiencePageNamesTheIdeasItMayCarryOutAndARefusalKeepsWhatWasTyped() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            let idea = #"{"submissionId":"dorm-theatre","content":{"idea":{"title":"تئاتر خوابگاه","summary":"اجرای نمایش","problem":"نبود برنامه","proposal":"گروه تئاتر","expectedImpact":"نشاط","category":"artistic"}}}"#
            try await client.execute(uri: "/api/v1/commands/submission.draft", method: .post, headers: session.jsonHeaders, body: ByteBuffer(string: idea)) { response throws in
                #expect(response.status == .created)
            }
            _ = try fixture.server.projections.catchUp()
            try await client.execute(uri: "/experiences/new", method: .get, headers: [.cookie: session.cookie, .accept: "text/html"]) { response throws in
                #expect(response.status == .ok && response.text.contains(#"enctype="multipart/form-data""#))
                #expect(response.text.contains(#"<option value="dorm-theatre">تئاتر خوابگاه</option>"#) && response.text.contains(#"<label for="evidence">"#))
            }
            var typed = fields(csrf: session.csrfToken, startedOn: "فردا")
            typed.append(("carriesOutIdea", "dorm-theatre"))
            let headers: HTTPFields = [.cookie: session.cookie, .accept: "text/html", .contentType: "multipart/form-data; boundary=\(boundary)"]
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: multipart(typed, files: [])) { response throws in
                #expect(response.status == .badRequest)
                #expect(response.text.contains(#"<p class="error" id="startedOn-error">"#) && response.text.contains(#"value="فردا""#))
                #expect(response.text.contains(#"value="نمایشگاه کتاب دست‌دوم""#) && response.text.contains(#"<option value="dorm-theatre" selected>"#))
            }
        }
    }

    @Test func aFileOverTheConfiguredLimitIsRefusedByName() async throws {
        let fixture = try await ServerFixture.make(configuration: .init(port: 0, maximumAttachmentSize: 1000))
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            let headers: HTTPFields = [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"]
            let small = multipart(fields(csrf: session.csrfToken), files: [("evidence", "note.txt", "text/plain", Data(repeating: UInt8(ascii: "a"), count: 1000))])
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: small) { response throws in
                #expect(response.status == .created)
            }
            let large = multipart(fields(csrf: session.csrfToken), files: [("evidence", "scan.pdf", "application/pdf", Data(count: 1001))])
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: large) { response throws in
                let problem = try response.json()
                #expect(response.status == .contentTooLarge && problem["code"] as? String == "attachment.too_large" && problem["field"] as? String == "evidence")
            }
        }
    }

    @Test func aRefusedFileTypeOrABadDateWritesNothing() async throws {
        let fixture = try await ServerFixture.make()
        let head = try fixture.server.store.head()?.position
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            let headers: HTTPFields = [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"]
            let script = multipart(fields(csrf: session.csrfToken), files: [("evidence", "run.sh", "application/x-sh", Data("rm -rf /".utf8))])
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: script) { response throws in
                let problem = try response.json()
                #expect(response.status == .unprocessableContent && problem["code"] as? String == "attachment.type_refused" && problem["field"] as? String == "evidence")
            }
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: multipart(fields(csrf: session.csrfToken, startedOn: "دیروز"), files: [])) { response throws in
                let problem = try response.json()
                #expect(response.status == .badRequest && problem["field"] as? String == "startedOn")
            }
            let truncated = ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nبی‌پایان")
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: truncated) { response throws in
                #expect(response.status == .badRequest)
                #expect((try response.json()["code"] as? String) == "form.malformed")
            }
        }
        #expect(try fixture.server.store.head()?.position == head)
    }

    /// Every file kept under the attachments' folder, pending ones included (not the usage file).
    private func filesOnDisk(_ fixture: ServerFixture) -> [String] {
        let root = fixture.server.attachments.directory
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix("usage.sqlite") }.map(\.lastPathComponent)
    }

    @Test func filesAreCheckedByContentAndKeptOnlyWhenTheFormIsAccepted() async throws {
        let fixture = try await ServerFixture.make()
        let report = Data("%PDF-1.4 گزارش".utf8)
        try await fixture.test { client in
            let session = try await client.signIn("group-rep", fixture.passwords["group-rep"]!)
            let headers: HTTPFields = [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"]
            // HTML declared as a PDF.
            let html = multipart(fields(csrf: session.csrfToken), files: [("evidence", "report.pdf", "application/pdf", Data("<html><script>alert(1)</script></html>".utf8))])
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: html) { response throws in
                let code = try response.json()["code"] as? String
                #expect(response.status == .unprocessableContent && code == "attachment.content_mismatch")
            }
            // Five forms refused for a date in the future, each with a good file: nothing stays.
            for index in 0..<5 {
                var refused = fields(csrf: session.csrfToken, startedOn: "1499/01/01")
                refused.append(("idempotencyKey", "refused-\(index)"))
                let body = multipart(refused, files: [("evidence", "r\(index).pdf", "application/pdf", report + Data([UInt8(index)]))])
                try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .unprocessableContent, "\(response.status)")
                }
            }
        }
        #expect(filesOnDisk(fixture).isEmpty, "\(filesOnDisk(fixture))")
    }

    @Test func aPersonsFilesAreBoundedByAQuotaAndTheDiskByAFloor() async throws {
        var configuration = HadafServer.Configuration(port: 0)
        configuration.attachmentQuotaPerPerson = 1000
        let fixture = try await ServerFixture.make(configuration: configuration)
        try await fixture.test { client in
            let session = try await client.signIn("group-rep", fixture.passwords["group-rep"]!)
            let headers: HTTPFields = [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"]
            let first = multipart(fields(csrf: session.csrfToken), files: [("evidence", "a.pdf", "application/pdf", Data("%PDF-".utf8) + Data(count: 700))])
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: first) { response in #expect(response.status == .created) }
            var second = fields(csrf: session.csrfToken)
            second.append(("idempotencyKey", "second"))
            let body = multipart(second, files: [("evidence", "b.pdf", "application/pdf", Data("%PDF-".utf8) + Data(repeating: 1, count: 700))])
            try await client.execute(uri: "/forms/experience", method: .post, headers: headers, body: body) { response throws in
                let code = try response.json()["code"] as? String
                #expect(response.status.code == 507 && code == "attachment.quota_exceeded")
            }
        }
        var full = HadafServer.Configuration(port: 0)
        full.minimumFreeSpace = .max
        let crowded = try await ServerFixture.make(configuration: full)
        try await crowded.test { client in
            let session = try await client.signIn("group-rep", crowded.passwords["group-rep"]!)
            let body = multipart(fields(csrf: session.csrfToken), files: [("evidence", "a.pdf", "application/pdf", Data("%PDF-1.4".utf8))])
            try await client.execute(uri: "/forms/experience", method: .post, headers: [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], body: body) { response throws in
                let code = try response.json()["code"] as? String
                #expect(response.status.code == 507 && code == "attachment.disk_full" && response.headers[.retryAfter] != nil)
            }
        }
    }
}
