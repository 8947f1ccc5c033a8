import EventStore
extension DomainError {
    /// A policy file that cannot be adopted: one detail per problem, naming its field.
    public static func policyInvalid(_ problems: [DomainError]) -> DomainError {
        DomainError(
            kind: .invalid, code: "policy.invalid",
            english: "The policy cannot be adopted: " + problems.map(\.englishMessage).joined(separator: " "),
            persian: "این آیین‌نامه امتیازدهی پذیرفته نمی‌شود: " + problems.map(\.persianMessage).joined(separator: " "),
            details: problems)
    }
}
