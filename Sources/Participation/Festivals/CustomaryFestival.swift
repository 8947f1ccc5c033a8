import HadafEvents

/// The sections and categories of the HADAF festival as it is customarily called: creative
/// ideas of students and of faculty, successful experiences of students and of student groups,
/// and the best programmes of the universities' cultural deputies, each scored on originality,
/// impact and feasibility. A ministry officer opens a year's call from these (or from an earlier
/// call) and sets each category's winners, reserves, quota and prize.
public enum CustomaryFestival {
    /// Originality (weight 3), impact (2) and feasibility (1), each scored 0 to 10.
    public static let rubric = [
        RubricCriterion(id: "originality", title: "نوآوری", weight: 3, minimum: 0, maximum: 10),
        RubricCriterion(id: "impact", title: "اثرگذاری", weight: 2, minimum: 0, maximum: 10),
        RubricCriterion(id: "feasibility", title: "اجراپذیری", weight: 1, minimum: 0, maximum: 10),
    ]

    public static let sections = [
        FestivalSection(id: "ideas", title: "ایده‌های خلاقانه", categories: [
            category("student-ideas", "ایده‌های دانشجویان", .student, .idea, winners: 3, rials: 100_000_000),
            category("faculty-ideas", "ایده‌های استادان", .faculty, .idea, winners: 2, rials: 150_000_000),
        ]),
        FestivalSection(id: "experiences", title: "تجربه‌های موفق", categories: [
            category("student-experiences", "تجربه‌های دانشجویان", .student, .experience, winners: 3, rials: 100_000_000),
            category("group-experiences", "تجربه‌های تشکل‌ها", .studentGroup, .experience, winners: 2, rials: 200_000_000),
        ]),
        FestivalSection(id: "deputies", title: "معاونت‌های فرهنگی", categories: [
            category("deputy-programmes", "برنامه‌های برتر معاونت‌ها", .universityDeputy, nil, winners: 1, rials: 300_000_000),
        ]),
    ]

    private static func category(
        _ id: String, _ title: String, _ entrant: FestivalEntrantKind, _ kind: SubmissionKind?, winners: Int, rials: Int64
    ) -> FestivalCategory {
        FestivalCategory(
            id: id, title: title, entrantKind: entrant, submissionKinds: kind.map { [$0] } ?? [], rubric: rubric, winners: winners, reserves: 1,
            quotaPerUniversity: 1, prize: FestivalPrize(rials: rials, recognition: "لوح تقدیر و تندیس جشنواره"))
    }
}
