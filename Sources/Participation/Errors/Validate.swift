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
        guard value.count <= 200, value.unicodeScalars.count <= 800 else { throw .tooLong(field: field, maximum: 200) }
        try printable(value, field: field, lineBreaks: false)
    }

    /// Refuses what no person types and what only hides or reorders text: NUL and the other
    /// control characters (tab and line breaks aside, where `lineBreaks`), and the bidi
    /// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), with which a title can
    /// show one thing and say another. The ZWNJ and the LRM/RLM marks that Persian keyboards
    /// type are kept. Checked scalar by scalar.
    static func printable(_ value: String, field: String, lineBreaks: Bool = true) throws(DomainError) {
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D:
                if !lineBreaks { throw .unprintableCharacter(field: field, scalar: scalar) }
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: throw .unprintableCharacter(field: field, scalar: scalar)
            default: continue
            }
        }
    }
}

extension Validate {
    /// A passage of text: not blank, at most 5,000 characters.
    static func text(_ value: String, field: String) throws(DomainError) {
        guard !PersianNormalizer.isBlank(value) else { throw .required(field: field) }
        guard value.count <= 5000, value.unicodeScalars.count <= 20_000 else { throw .tooLong(field: field, maximum: 5000) }
        try printable(value, field: field)
    }
}
