import HadafEvents
import Participation

/// One option of a `<select>`, as the templates show it.
struct SelectOption: Sendable {
    let value: String
    let label: String
    let selected: Bool
}

/// One checkbox of a group, with an id unique on the page for its `<label for>`.
struct CheckboxOption: Sendable {
    let id: String
    let value: String
    let label: String
    let checked: Bool

    /// The roles a review round or a survey may address, their ids prefixed by `idPrefix`, those
    /// in `checked` ticked.
    static func audience(idPrefix: String, checked: Set<String>) -> [CheckboxOption] {
        [Actor.Role.faculty, .student, .studentGroupRepresentative, .universityDeputyOfficer].map { role in
            CheckboxOption(id: "\(idPrefix)-\(role.rawValue)", value: role.rawValue, label: role.persianName, checked: checked.contains(role.rawValue))
        }
    }
}
