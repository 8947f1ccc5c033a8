/// Whom a survey or a review round addresses: participant kinds and universities, each list
/// empty for "all".
public struct Audience: Codable, Hashable, Sendable {
    /// ``Actor/Role`` raw values.
    public var kinds: [String]
    /// University codes.
    public var universities: [String]

    public init(kinds: [String] = [], universities: [String] = []) {
        self.kinds = kinds
        self.universities = universities
    }

    /// Whether a participant of this kind and university is addressed.
    public func includes(kind: Actor.Role, university: String?) -> Bool {
        (kinds.isEmpty || kinds.contains(kind.rawValue))
            && (universities.isEmpty || university.map(universities.contains) == true)
    }
}
