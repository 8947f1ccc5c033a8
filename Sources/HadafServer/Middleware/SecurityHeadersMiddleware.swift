import HTTPTypes
import Hummingbird

/// Headers every answer carries, and bodies refused before a byte of them is read.
///
/// - `Content-Security-Policy`: scripts, styles, images and forms only from HADAF itself, no
///   inline script, and no framing (`frame-ancestors 'none'`, with `X-Frame-Options: DENY` for
///   older browsers). The pages use no JavaScript at all; the shipped stylesheet is a file.
/// - `X-Content-Type-Options: nosniff`, so an uploaded file is never read as HTML or script.
/// - `Referrer-Policy: same-origin`, so a link out does not carry a page's address (which may
///   name a submission or an award) to another site.
/// - `Strict-Transport-Security` when the server is reached over https (`--public-url`).
/// - A `Content-Length` above ``maximumBody`` is refused at once with 413, instead of being read
///   until the deadline.
///
/// Added first, so that every answer gets the headers, refusals included.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = HadafRequestContext

    /// Whether the public address is https: HSTS is sent only then.
    let https: Bool
    /// The largest body any route reads (an experience form with its attachments).
    let maximumBody: Int
    /// The policy, with the hashes of the templates' inline styles (``PageRenderer/inlineStyleHashes``).
    let contentSecurityPolicy: String

    init(https: Bool, maximumBody: Int, inlineStyleHashes: [String]) {
        self.https = https
        self.maximumBody = maximumBody
        let styles = (["'self'"] + inlineStyleHashes).joined(separator: " ")
        contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src \(styles); img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBody {
            response = ProblemMiddleware.response(.bodyTooLarge, for: request, requestId: context.id)
            response.headers[.connection] = "close"
        } else {
            response = try await next(request, context)
        }
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        if https { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
