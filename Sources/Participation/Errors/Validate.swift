/// Checks of the simple kinds of input every command has: codes and names.
enum Validate {
    /// A stable id typed by people: 2 to 64 of a-z, 0-9, '-' and '_'.
    static func code(_ value: String, field: String) throws(DomainError) {
        let allowed = value.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
        guard allowed, (2...64).contains(value.utf8.count) else { throw .invalidCode(value, field: field) }
    }

    /// A name or title: not blank, at most 200 characters.
    static func name(_ value: String, field: String) throws(DomainError) {
        guard !PersianNormalizer.isBlank(value) else { throw .required(field: field) }
        guard value.count <= 200 else { throw .tooLong(field: field, maximum: 200) }
    }
}

extension Validate {
    /// A passage of text: not blank, at most 5,000 characters.
    static func text(_ value: String, field: String) throws(DomainError) {
        guard !PersianNormalizer.isBlank(value) else { throw .required(field: field) }
        guard value.count <= 5000 else { throw .tooLong(field: field, maximum: 5000) }
    }
}
