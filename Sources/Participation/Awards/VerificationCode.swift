/// The code a certificate carries: twelve characters of Crockford's base32 (no I, L, O or U,
/// so that it reads back without confusion), in three groups: about 60 random bits, too many to
/// guess one.
enum VerificationCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt8(alphabet.count)))] }
        return [0, 4, 8].map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}
