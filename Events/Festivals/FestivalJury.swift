/// A festival's jury as its events make it: who sits on which section, every university a
/// juror's appointments name, declared conflicts, and assignments. The one place the rule of
/// who may score an entry lives: the decider refuses by it, and the selection, its verification
/// and the audit count a score only by it, so a score appended around the commands for an entry
/// its juror was never assigned, or of their own university, counts for nothing.
public struct FestivalJury: Sendable, Hashable {
    /// The sections each juror sits on.
    public private(set) var sections: [String: Set<String>] = [:]
    /// Every university any appointment of each juror named: a later appointment to another
    /// section adds to them, never replaces them.
    public private(set) var universities: [String: Set<String>] = [:]
    public private(set) var conflicts: Set<JurorAssignment> = []
    public private(set) var assignments: Set<JurorAssignment> = []

    public init() {}

    /// Folds one of the festival's jury events; others change nothing.
    public mutating func apply(_ event: FestivalEvent) {
        switch event {
        case let .jurorAppointed(appointed):
            sections[appointed.jurorId, default: []].insert(appointed.sectionId)
            if let university = appointed.university { universities[appointed.jurorId, default: []].insert(university) }
        case let .conflictDeclared(declared):
            let pair = JurorAssignment(entryId: declared.entryId, jurorId: declared.jurorId)
            conflicts.insert(pair)
            assignments.remove(pair)
        case let .jurorsAssigned(assigned):
            assignments.formUnion(assigned.assignments)
        default:
            break
        }
    }

    /// Whether `juror` may judge `entry`, of section `section`: on that section's jury, from none
    /// of the universities their appointments name, not its submitter or an author, and no
    /// conflict declared.
    public func mayJudge(_ juror: String, _ entry: FestivalEntry, section: String?) -> Bool {
        guard let section, sections[juror]?.contains(section) == true else { return false }
        if universities[juror]?.contains(entry.university) == true { return false }
        if entry.submitter == juror || entry.authors.contains(where: { $0.kind == .participant && $0.id == juror }) { return false }
        return !conflicts.contains(JurorAssignment(entryId: entry.entryId, jurorId: juror))
    }

    /// Whether a score of `juror` for `entry` counts: assigned, and still free to judge it.
    public func mayScore(_ juror: String, _ entry: FestivalEntry, section: String?) -> Bool {
        assignments.contains(JurorAssignment(entryId: entry.entryId, jurorId: juror)) && mayJudge(juror, entry, section: section)
    }
}

/// What is wrong with a juror's scores against a category's rubric.
public enum RubricFault: Hashable, Sendable {
    case unknownCriterion(String)
    case missing(String)
    case repeated(String)
    case outOfRange(RubricCriterion)
}

extension [RubricCriterion] {
    /// The first fault of `scores` against this rubric (one score for each criterion, each
    /// within its range, none for another), or nil when they hold.
    public func fault(of scores: [CriterionScore]) -> RubricFault? {
        if let stray = scores.first(where: { score in !contains { $0.id == score.criterion } }) { return .unknownCriterion(stray.criterion) }
        for criterion in self {
            let given = scores.filter { $0.criterion == criterion.id }
            if given.isEmpty { return .missing(criterion.id) }
            if given.count > 1 { return .repeated(criterion.id) }
            if !(criterion.minimum...criterion.maximum).contains(given[0].score) { return .outOfRange(criterion) }
        }
        return nil
    }
}
