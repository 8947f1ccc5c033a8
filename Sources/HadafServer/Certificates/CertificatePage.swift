import EventStore
import Foundation
import HadafEvents
import HadafProjections

extension Certificate {
    /// The certificate as a page of its own (styles inline, so that the saved file prints and
    /// reads anywhere), carrying the signed credential; `verificationBase` is the server's
    /// address, where `/certificates/verify?code=` answers.
    public func page(verificationBase: String) throws -> String {
        let issued = record.issued
        let issuedAt = Date(timeIntervalSince1970: Double(record.issuedAtMilliseconds) / 1000)
        let year = AcademicYear(startYear: issued.academicYear)
        let url = "\(verificationBase.hasSuffix("/") ? String(verificationBase.dropLast()) : verificationBase)/certificates/verify?code=\(issued.verificationCode)"
        var amount: [String] = []
        if let rials = issued.rials { amount.append("\(PersianDisplay.number(Double(rials))) ریال") }
        if let points = issued.promotionPoints { amount.append("\(PersianDisplay.number(points)) امتیاز ماده ۱") }
        let context: [String: Any] = [
            "kindName": issued.kind.persianName,
            "kindEnglishName": issued.kind.englishName,
            "recipientName": recipientName,
            "universityName": universityName,
            "universityEnglishName": universityEnglishName,
            "yearText": year.persianText,
            "yearLatin": year.description,
            "amountText": amount.joined(separator: "، "),
            "hasAmount": !amount.isEmpty,
            "issuedOn": PersianDisplay.date(issuedAt),
            "issuedOnLatin": String(UTCTimestamp.format(milliseconds: record.issuedAtMilliseconds).prefix(10)),
            "awardId": issued.awardId,
            "verificationCode": issued.verificationCode,
            "verificationURL": url,
            "qrSVG": QRCode(url)?.svg ?? "",
            // A name typed as `</script>` must not end the script early; `<\/` is the same JSON.
            "credentialJSON": credential.canonicalText.replacingOccurrences(of: "</", with: "<\\/"),
        ]
        return try PageRenderer.shipped().html("certificate", context)
    }
}
