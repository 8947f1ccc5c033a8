import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A form as a browser or a script sends it: `application/x-www-form-urlencoded`, or
/// `multipart/form-data` when it carries files.
struct FormSubmission: Sendable {
    let fields: FormFields
    let files: [MultipartForm.File]

    /// Reads a form sent to run `command`, checking first what needs no field: that someone is
    /// signed in (401) and that their role may run it (403), so that a stranger or a student is
    /// told that rather than what is wrong with the fields; then the body (other media types and
    /// bodies over `limit` bytes refused), then the session's CSRF token (403).
    static func read(_ request: Request, context: HadafRequestContext, limit: Int, running command: String) async throws -> FormSubmission {
        try CommandAccess.check(command: command, by: try context.requireAccount())
        let form = try await read(request, limit: limit)
        _ = try context.requireAccount(changing: form.fields["csrfToken"] ?? request.headers[.csrfToken])
        return form
    }

    /// Reads the request's body, refusing other media types and bodies over `limit` bytes.
    private static func read(_ request: Request, limit: Int) async throws -> FormSubmission {
        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let body = try await request.body.collect(upTo: limit)
            return FormSubmission(fields: try FormFields(urlEncoded: String(buffer: body)), files: [])
        }
        if let boundary = MultipartForm.boundary(ofContentType: contentType) {
            let body = try await request.body.collect(upTo: limit)
            let form = try MultipartForm(body: Data(body.readableBytesView), boundary: boundary)
            return FormSubmission(fields: form.fields, files: form.files)
        }
        throw Problem.unsupportedMediaType("application/x-www-form-urlencoded or multipart/form-data")
    }

    /// The signed-in account sending this form to run `command`: a session's CSRF token must be
    /// in the `csrfToken` field (or the header), and the account's role must be allowed.
    func sender(in context: HadafRequestContext, of request: Request, running command: String) throws(Problem) -> Account {
        let account = try context.requireAccount(changing: fields["csrfToken"] ?? request.headers[.csrfToken])
        try CommandAccess.check(command: command, by: account)
        return account
    }

    /// The answer to a form that was carried out: a browser is sent on to `location` (303), a
    /// script gets 201 and `outcome` as JSON.
    static func reply(to request: Request, seeOther location: String, created outcome: some Encodable) throws -> Response {
        guard request.prefersHTML else { return try JSONResponse.make(outcome, status: .created) }
        return Response(status: .seeOther, headers: [.location: location])
    }

    /// The account's idempotency key for this form: the hidden `idempotencyKey` field, else the
    /// `Idempotency-Key` header.
    func idempotencyKey(for account: Account, in request: Request) -> String? {
        (fields["idempotencyKey"] ?? request.headers[.idempotencyKey]).map(account.idempotencyKey)
    }

    /// The id of what the form creates: the same for the same key, so that a replayed form
    /// names what its first sending made; a fresh one without a key.
    static func id(_ prefix: String, forKey key: String?) -> String {
        guard let key else { return "\(prefix)-\(UUID().uuidString.lowercased())" }
        return "\(prefix)-" + SHA256.hash(data: Data(key.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}
