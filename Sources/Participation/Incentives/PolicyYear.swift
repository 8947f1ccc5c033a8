import EventStore
import HadafEvents

/// The incentive policy in force for one academic year. Stream: `policy-<year>`.
public enum PolicyYear: Decider {
    public enum Command: Sendable {
        /// Adopts a policy, given with its exact source text and that text's SHA-256.
        case adopt(IncentivePolicy, source: String, contentHash: String)
    }

    public struct State: Sendable {
        public var adopted: PolicyAdopted?
    }

    public enum Event: EventFamily {
        case adopted(PolicyAdopted)

        public var event: any DomainEvent {
            switch self {
            case let .adopted(event): event
            }
        }

        public init?(_ recorded: RecordedEvent) throws {
            guard let event = try recorded.decode(as: PolicyAdopted.self, Self.adopted) else { return nil }
            self = event
        }
    }

    public static var initialState: State { State() }

    public static func stream(year: Int) -> String { PolicyAdopted.stream(year: year) }

    /// The participant kinds a policy may give points to: every kind of person, student groups,
    /// universities (their participants' sum) and university deputies (a festival prize).
    static let scoredKinds = Set(Actor.Role.allCases.map(\.rawValue)).subtracting(["system"]).union(["student_group", "university", "university_deputy"])

    public static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event] {
        guard [.ministryOfficer, .system].contains(context.actor.role) else {
            throw .forbidden(role: context.actor.role, action: "adopt an incentive policy")
        }
        switch command {
        case let .adopt(policy, source, contentHash):
            let problems = Self.problems(in: policy)
            guard problems.isEmpty else { throw .policyInvalid(problems) }
            guard state.adopted?.contentHash != contentHash else { return [] }
            return [.adopted(PolicyAdopted(academicYear: policy.academicYear, version: policy.version, source: source, contentHash: contentHash))]
        }
    }

    public static func evolve(_ state: State, _ event: Event) -> State {
        switch event {
        case let .adopted(event): State(adopted: event)
        }
    }

    static func problems(in policy: IncentivePolicy) -> [DomainError] {
        var problems: [DomainError] = []
        func add(_ field: String, _ english: String, _ persian: String) {
            problems.append(DomainError(kind: .invalid, code: "policy.invalid", field: field, english: english, persian: persian))
        }
        if !(1390...1500).contains(policy.academicYear) { add("academicYear", "The academic year \(policy.academicYear) is not plausible.", "سال تحصیلی \(policy.academicYear) پذیرفتنی نیست.") }
        if policy.version.isEmpty { add("version", "A version name is required.", "نام نسخه لازم است.") }
        for (rule, byKind) in policy.points.sorted(by: { $0.key < $1.key }) {
            if !IncentivePolicy.ruleIds.contains(rule) { add("points.\(rule)", "'\(rule)' is not a rule id.", "«\(rule)» شناسه قاعده نیست.") }
            for (kind, points) in byKind where !scoredKinds.contains(kind) || points < 0 {
                add("points.\(rule).\(kind)", "Points must be 0 or more, for a known kind of participant ('\(kind)').", "امتیاز باید صفر یا بیشتر و برای نوع شناخته‌شده‌ای از شرکت‌کنندگان باشد («\(kind)»).")
            }
        }
        for (rule, cap) in policy.caps where cap < 0 || (rule != "total" && !IncentivePolicy.ruleIds.contains(rule)) {
            add("caps.\(rule)", "A cap must be 0 or more, for a rule id or 'total' ('\(rule)').", "سقف باید صفر یا بیشتر و برای یک قاعده یا «total» باشد («\(rule)»).")
        }
        for (incentive, threshold) in policy.thresholds where threshold.kinds.isEmpty || threshold.minimumPoints < 0 || !threshold.kinds.allSatisfy(scoredKinds.contains) {
            add("thresholds.\(incentive)", "The threshold of '\(incentive)' needs known kinds and 0 or more points.", "آستانه «\(incentive)» باید انواع شناخته‌شده و امتیاز صفر یا بیشتر داشته باشد.")
        }
        return problems
    }
}
