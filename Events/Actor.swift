/// Who acts: a participant or an operator, in a role.
public struct Actor: Hashable, Sendable, Codable {
    /// The participant's id (or an operator's), as the metadata of every event records it.
    public let id: String
    /// The role in which they act.
    public let role: Role

    public init(id: String, role: Role) {
        self.id = id
        self.role = role
    }

    /// The roles of domain.md's participants and operators.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        case student
        case faculty
        case studentGroupRepresentative = "student_group_representative"
        case universityDeputyOfficer = "university_deputy_officer"
        case ministryOfficer = "ministry_officer"
        case juror
        /// The platform itself, for acts no person performs (demo data, migrations).
        case system
    }
}
