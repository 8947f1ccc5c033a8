/// What an award gives: the incentives of domain.md, whose ids are those of the policy's
/// thresholds, and a festival's prize.
public enum AwardKind: String, Codable, Hashable, Sendable, CaseIterable {
    case participationCertificate = "participation_certificate"
    case workshopPlace = "workshop_place"
    case educationalGrant = "educational_grant"
    case tourismGrant = "tourism_grant"
    case advisoryCouncilSeat = "advisory_council_seat"
    case facultyCulturalGrant = "faculty_cultural_grant"
    case facultyPromotionPoints = "faculty_promotion_points"
    case studentGroupGrant = "student_group_grant"
    case universityDeputyGrant = "university_deputy_grant"
    case festivalPrize = "festival_prize"

    /// Paid in rials against a budget line: the grants and a festival's cash prize.
    public var isPaid: Bool {
        switch self {
        case .educationalGrant, .tourismGrant, .facultyCulturalGrant, .studentGroupGrant, .universityDeputyGrant, .festivalPrize: true
        case .participationCertificate, .workshopPlace, .advisoryCouncilSeat, .facultyPromotionPoints: false
        }
    }

    /// Earned by reaching a threshold of the year's policy; a festival prize is earned by an
    /// announced list instead.
    public var isByThreshold: Bool { self != .festivalPrize }

    /// The award's name in English.
    public var englishName: String {
        switch self {
        case .participationCertificate: "participation certificate"
        case .workshopPlace: "workshop place"
        case .educationalGrant: "educational and empowerment grant"
        case .tourismGrant: "tourism grant"
        case .advisoryCouncilSeat: "advisory council seat"
        case .facultyCulturalGrant: "faculty cultural-social grant"
        case .facultyPromotionPoints: "Article-1 promotion points statement"
        case .studentGroupGrant: "student-group grant"
        case .universityDeputyGrant: "university deputy grant"
        case .festivalPrize: "festival prize"
        }
    }

    /// The award's name in Persian.
    public var persianName: String {
        switch self {
        case .participationCertificate: "گواهی مشارکت"
        case .workshopPlace: "کارگاه انتقال تجربه"
        case .educationalGrant: "گرنت آموزشی و توانمندسازی"
        case .tourismGrant: "گرنت گردشگری"
        case .advisoryCouncilSeat: "عضویت در شورای مشورتی"
        case .facultyCulturalGrant: "گرنت فرهنگی اجتماعی استادان"
        case .facultyPromotionPoints: "امتیاز ماده ۱ آیین‌نامه ارتقاء"
        case .studentGroupGrant: "گرنت فرهنگی اجتماعی تشکل دانشجویی"
        case .universityDeputyGrant: "گرنت فرهنگی اجتماعی معاونت دانشگاه"
        case .festivalPrize: "جایزه نقدی جشنواره سالانه"
        }
    }
}
