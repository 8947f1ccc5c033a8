import Foundation

/// How the listing read models (surveys, regulations, festivals) store instants and audiences,
/// and how they ask whether an audience includes someone: one encoding for all of them.
enum ListingColumns {
    /// Milliseconds since 1970, as the log stores instants.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// A list as `,a,b,` (empty for everyone), so that membership is a `LIKE '%,x,%'`.
    static func members(_ values: [String]) -> String {
        values.isEmpty ? "" : "," + values.joined(separator: ",") + ","
    }

    /// The condition that `audience_kinds` and `audience_universities` include a participant of
    /// the first argument's kind at the second argument's university (`\u{0}` for none).
    static let audienceIncludes = """
        (audience_kinds = '' OR audience_kinds LIKE '%,' || ? || ',%')
            AND (audience_universities = '' OR audience_universities LIKE '%,' || ? || ',%')
        """
}
