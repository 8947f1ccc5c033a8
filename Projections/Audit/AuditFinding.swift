/// One thing the audit found wrong: the rule broken, the award concerned when there is one, a
/// sentence saying what, and the log positions that show it.
public struct AuditFinding: Codable, Hashable, Sendable {
    /// The rules the audit checks, one per kind of finding.
    public enum Rule: String, Codable, Hashable, Sendable, CaseIterable {
        /// The hash chain does not verify: an event was changed, moved or deleted.
        case chainBroken = "chain.broken"
        /// The chain verifies but contradicts a signed checkpoint recorded in the log (history
        /// was rewritten and rehashed), or a checkpoint is recorded that no trusted key signed.
        case checkpointContradicted = "checkpoint.contradicted"
        /// The award's basis is not in the log before it.
        case awardWithoutBasis = "award.without_basis"
        /// Recomputed from the log, the recipient had not reached the award at its basis.
        case awardNotEligible = "award.not_eligible"
        /// The ledger lines the award names are not the lines recomputed at its basis.
        case basisDiffers = "award.basis_differs"
        /// The award names another policy than the one in force for its year at its basis.
        case policyDiffers = "award.policy_differs"
        /// The same award was issued twice for a year, neither revoked.
        case doubleAward = "award.double"
        /// A budget line's awards exceed what was allocated to it.
        case budgetOverspent = "budget.overspent"
        /// An award is charged to a line never allocated.
        case budgetLineUnknown = "budget.line_unknown"
        /// An amount above the one-officer limit counts without a second officer's approval.
        case approvalMissing = "approval.missing"
        /// The officer who issued an award approved it too.
        case approvalBySameOfficer = "approval.same_officer"
        /// An act recorded by someone the log does not show may do it at that moment: a payload
        /// naming another actor than the metadata, a role that may not, a deputy officer of
        /// another university, not yet registered or erased, or registered by no ministry.
        case actUnauthorised = "act.unauthorised"
        /// An officer issued or approved an award to themself.
        case awardToSelf = "award.to_self"
        /// An amount of the wrong sign or kind: a paid award paying nothing or less, money on a
        /// certificate, promotion points above the policy's cap or on another kind.
        case amountInvalid = "award.amount_invalid"
        /// An award filed in the stream of another university or year.
        case awardMisfiled = "award.misfiled"
        /// An awards stream whose name is not the one its university and year print as.
        case streamNotCanonical = "stream.not_canonical"
        /// A policy adoption that does not hold (its hash, its text, who adopted it), or an
        /// award under one.
        case policyInvalid = "policy.invalid"
        /// An award dated before an act of its basis.
        case awardBeforeBasis = "award.before_basis"
        /// An event this version cannot read (out of bounds, malformed, of a newer schema): every
        /// reader skips it, and the audit names it so that officers know it is there.
        case eventUnreadable = "event.unreadable"
        /// An announced festival list is not the list its events give.
        case festivalListDiffers = "festival.list_differs"
        /// A score in a festival's stream that the selection does not count: its juror was not
        /// assigned to the entry or may not judge it, or it does not fit the rubric.
        case festivalScoreUncounted = "festival.score_uncounted"
        /// An announced festival list was right, but its entries or scores changed afterwards.
        case festivalInputsChanged = "festival.inputs_changed"

        /// The rule in Persian, for the deputies' report.
        public var persianTitle: String {
            switch self {
            case .chainBroken: "زنجیره درهم‌سازی رویدادها گسسته است"
            case .checkpointContradicted: "زنجیره با نقطه وارسی امضاشده نمی‌خواند (بازنویسی تاریخچه)"
            case .awardWithoutBasis: "مشوق بدون پشتوانه در دفتر رویدادها"
            case .awardNotEligible: "مشوق به کسی که شایسته آن نبود"
            case .basisDiffers: "ردیف‌های امتیاز مشوق با محاسبه دوباره یکی نیست"
            case .policyDiffers: "نسخه آیین‌نامه مشوق با آیین‌نامه نافذ یکی نیست"
            case .doubleAward: "صدور دوباره یک مشوق در یک سال"
            case .budgetOverspent: "برداشت بیش از اعتبار ردیف بودجه"
            case .budgetLineUnknown: "ردیف بودجه‌ای که تخصیص نیافته است"
            case .approvalMissing: "نبود تأیید کارشناس دوم"
            case .approvalBySameOfficer: "تأیید به دست همان کارشناس صادرکننده"
            case .actUnauthorised: "اقدام کسی که دفتر رویدادها او را مجاز به آن نشان نمی‌دهد"
            case .awardToSelf: "مشوقی که صادرکننده یا تأییدکننده‌اش خود گیرنده است"
            case .amountInvalid: "مبلغ یا امتیاز نادرست (علامت، نوع مشوق یا سقف آیین‌نامه)"
            case .awardMisfiled: "مشوق در جریان دانشگاه یا سال دیگری ثبت شده است"
            case .streamNotCanonical: "نام جریان مشوق‌ها به شکل استاندارد نیست"
            case .policyInvalid: "آیین‌نامه‌ای که تصویب آن معتبر نیست"
            case .awardBeforeBasis: "مشوقی که پیش از اقدام‌های پشتوانه‌اش صادر شده است"
            case .eventUnreadable: "رویدادی که خوانده نمی‌شود (بیرون از بازه یا نادرست)"
            case .festivalListDiffers: "فهرست برگزیدگان با محاسبه دوباره یکی نیست"
            case .festivalScoreUncounted: "نمره‌ای که داور مجاز به دادن آن نبود و شمرده نمی‌شود"
            case .festivalInputsChanged: "داده‌های داوری پس از اعلام برگزیدگان تغییر کرده است"
            }
        }
    }

    public let rule: Rule
    public let awardId: String?
    /// What is wrong, in English.
    public let explanation: String
    /// The positions of the events that show it.
    public let positions: [Int64]

    public init(rule: Rule, awardId: String?, explanation: String, positions: [Int64]) {
        self.rule = rule
        self.awardId = awardId
        self.explanation = explanation
        self.positions = positions
    }
}
