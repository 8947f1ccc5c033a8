import EventStore
import Foundation
import HadafEvents
import HadafProjections
import Hummingbird
import Participation

/// Certificates on the web: the platform's public key at `/.well-known/hadaf-public-key`, the
/// public verification page and API (a code, as printed or in the QR link, gives valid,
/// revoked or forged), and an award's certificate page for its recipient and the officers.
struct CertificateRoutes {
    let store: EventStore
    let key: SigningKey
    let pages: PageRenderer
    /// The server's public address, for the verification link a certificate carries.
    let publicURL: String

    func add(to router: Router<HadafRequestContext>) {
        router.get("/.well-known/hadaf-public-key") { _, _ in
            try JSONResponse.make(PublicKey(algorithm: "Ed25519", keyId: key.keyId, publicKey: key.publicKey, didKey: DataIntegrityProof.didKey(ofPublicKey: key.publicKey) ?? ""))
        }
        router.get("/api/v1/certificates/verify") { request, _ in
            guard let code = request.uri.queryParameters.get("code"), !code.isEmpty else {
                throw Problem.malformedForm(field: "code", english: "Give the certificate's verification code.", persian: "رمز اعتبارسنجی گواهی را وارد کنید.")
            }
            return try JSONResponse.make(try CertificateVerification.check(code: code, in: store))
        }
        router.get("/certificates/verify") { request, context in
            let code = request.uri.queryParameters.get("code") ?? ""
            let verification = code.isEmpty ? nil : try CertificateVerification.check(code: code, in: store)
            let university = try verification?.university.map(DisplayNames(store: store).university)
            let page = CertificateVerifyPage(
                account: context.identity.map { PageAccount($0.account, csrfToken: $0.csrfToken) }, code: code, verification: verification, universityName: university)
            return try pages.response(CertificateVerifyPage.template, page)
        }
        router.get("/certificates/:award") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let awardId = try context.parameters.require("award")
            let record = try LogReadSide.translating { () throws(ProjectionError) in try AwardRecord.find(awardId, in: store) }
            guard let record else { throw Problem.notFound(.award(awardId)) }
            try Self.require(identity.account, mayRead: record.issued)
            let certificate = try Certificate.make(for: record, store: store, key: key)
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: .init(string: try certificate.page(verificationBase: publicURL))))
        }
    }

    /// The platform's key as `/.well-known/hadaf-public-key` serves it.
    struct PublicKey: Encodable {
        let algorithm: String
        let keyId: String
        let publicKey: String
        let didKey: String
    }

    /// A certificate is its recipient's, their university's deputy officers' and the ministry's.
    private static func require(_ account: Account, mayRead award: AwardIssued) throws(Problem) {
        switch account.actor.role {
        case .ministryOfficer: return
        case .universityDeputyOfficer where account.university == award.university: return
        default:
            guard account.actor.id == award.recipient else { throw .forbidden("see another person's certificate", "دیدن گواهی دیگری") }
        }
    }
}
