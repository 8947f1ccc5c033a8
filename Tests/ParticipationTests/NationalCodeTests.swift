import HadafEvents
import Participation
import Testing

@Suite("National codes")
struct NationalCodeTests {
    @Test(arguments: [
        ("0499370899", "0499370899"),
        ("۰۴۹۹۳۷۰۸۹۹", "0499370899"),
        ("٠٤٩٩٣٧٠٨٩٩", "0499370899"),
        ("049-937089-9", "0499370899"),
        ("12345679", "0012345679"),
        ("1234567891", "1234567891"),
        (" ۲۷۲ ۰۱۲۳۴۵ ۵ ", "2720123455"),
    ])
    func validCodesAreAcceptedInAnyDigitsAndNormalised(input: String, digits: String) throws {
        #expect(try NationalCode(input).digits == digits)
    }

    @Test(arguments: [
        ("0499370898", DomainError.NationalCodeProblem.checkDigit),
        ("1234567890", .checkDigit),
        ("1111111111", .notIssued), // passes the check-digit arithmetic, yet never issued
        ("0000000000", .notIssued),
        ("0010000003", .notIssued), // six middle digits zero
        ("1230000003", .notIssued),
        ("12345", .wrongLength),
        ("123456789012", .wrongLength),
        ("04993708a9", .notDigits),
        ("", .notDigits),
    ])
    func invalidCodesAreRefusedWithTheirReason(input: String, problem: DomainError.NationalCodeProblem) {
        #expect(throws: DomainError.nationalCodeInvalid(input, reason: problem)) { try NationalCode(input) }
    }

    @Test func theRefusalSpeaksBothLanguagesAndNamesTheField() {
        let error = DomainError.nationalCodeInvalid("0499370898", reason: .checkDigit)
        #expect(error.code == "national_code.invalid")
        #expect(error.field == "nationalCode")
        #expect(error.persianMessage.contains("کد ملی"))
        #expect(error.englishMessage.contains("check digit"))
    }
}
