import HadafEvents

/// The public verification page: a code field, and once a code is given the verdict in Persian
/// (valid, revoked or forged) with the award it names. No one needs to sign in.
struct CertificateVerifyPage: Sendable {
    static let template = "certificate-verify"

    let account: PageAccount?
    let code: String
    let checked: Bool
    let verdictCode: String
    let verdictTitle: String
    let verdictText: String
    let hasAward: Bool
    let awardId: String
    let kindName: String
    let yearText: String
    let universityName: String
    let revocationReason: String?

    init(account: PageAccount?, code: String, verification: CertificateVerification?, universityName: String?) {
        self.account = account
        self.code = code
        checked = verification != nil
        verdictCode = verification?.verdict.rawValue ?? ""
        switch verification?.verdict {
        case .valid?:
            verdictTitle = "گواهی معتبر است"
            verdictText = "این گواهی را سامانه هدف صادر کرده و مشوق آن به قوت خود باقی است."
        case .revoked?:
            verdictTitle = "گواهی لغو شده است"
            verdictText = "این گواهی را سامانه هدف صادر کرده بود، اما مشوق آن پس از صدور لغو شده است."
        case .forged?, nil:
            verdictTitle = "گواهی معتبر نیست"
            verdictText = "هیچ مشوقی با این رمز در سامانه هدف صادر نشده است؛ گواهی ساختگی است یا رمز نادرست وارد شده است."
        }
        hasAward = verification?.awardId != nil && verification?.verdict != .forged
        awardId = verification?.awardId ?? ""
        kindName = verification?.kind?.persianName ?? ""
        yearText = verification?.academicYear.map { AcademicYear(startYear: $0).persianText } ?? ""
        self.universityName = universityName ?? verification?.university ?? ""
        revocationReason = verification?.revocationReason
    }
}
