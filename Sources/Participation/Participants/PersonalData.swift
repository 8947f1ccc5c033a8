import Foundation

/// What identifies a person: never stored in clear (see ``PersonalDataSeal``).
public struct PersonalData: Codable, Hashable, Sendable {
    public let displayName: String
    public let nationalCode: NationalCode
    public let email: String

    /// Checks each field: a name, a valid national code (any digits), a plausible email.
    public init(displayName: String, nationalCode: String, email: String) throws(DomainError) {
        try Validate.name(displayName, field: "displayName")
        self.nationalCode = try NationalCode(nationalCode)
        let email = email.trimmingCharacters(in: .whitespaces)
        guard Self.isPlausibleEmail(email) else { throw .invalidEmail(email) }
        self.displayName = displayName
        self.email = email
    }

    /// One `@`, a non-empty local part, a dotted domain, no spaces, at most 254 characters.
    /// (Only sending a message proves an address; this catches typing mistakes.)
    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, email.count <= 254, !email.contains(where: \.isWhitespace) else { return false }
        let domainLabels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return !parts[0].isEmpty && domainLabels.count >= 2 && domainLabels.allSatisfy { !$0.isEmpty }
    }
}

extension NationalCode: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.englishMessage)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
