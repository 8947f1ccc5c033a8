@testable import EventStore
import Foundation
import GRDB
import HadafServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A full disk under the log: a form is refused with 507 and SQLite's text kept from the client,
/// nothing is written, and the same form goes through once there is room again.
@Suite("A full disk")
struct FullDiskTests {
    @Test func aFormOnAFullDiskIsRefused507WithNothingWrittenAndGoesThroughLater() async throws {
        let fixture = try await ServerFixture.make()
        let store = fixture.server.store
        try await fixture.test { client in
            let session = try await client.signIn("student", fixture.passwords["student"]!)
            let form = urlEncodedForm([
                ("csrfToken", session.csrfToken), ("title", "شب شعر خوابگاه"), ("summary", "نشست ماهانه"), ("problem", "کم‌رونقی"),
                ("proposal", String(repeating: "هر ماه یک شب شعر. ", count: 200)), ("expectedImpact", "پیوند"), ("category", "literary"),
                ("idempotencyKey", "full-disk-1"),
            ])
            let headers: HTTPFields = [.cookie: session.cookie, .contentType: "application/x-www-form-urlencoded"]
            // The log's file may not grow: as on a full disk, SQLite answers SQLITE_FULL.
            let pages = try await store.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
            try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
            let before = try store.head()
            try await client.execute(uri: "/forms/idea", method: .post, headers: headers, body: form) { response throws in
                #expect(response.status.code == 507, "\(response.status) \(response.text)")
                let problem = try response.json()
                #expect(problem["code"] as? String == "database.full")
                #expect(!(problem["detail"] as? String ?? "").lowercased().contains("sqlite"))
                #expect(response.headers[.retryAfter] != nil)
            }
            #expect(try store.head() == before)
            try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
            try await client.execute(uri: "/forms/idea", method: .post, headers: headers, body: form) { response in
                #expect(response.status == .created)
            }
        }
    }
}
