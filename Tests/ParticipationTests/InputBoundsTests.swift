import Foundation
import HadafEvents
import Participation
import Testing

/// Numbers and digit fields as hostile input sends them: every one bounded, every refusal typed,
/// nothing trapping.
@Suite("Input bounds")
struct InputBoundsTests {
    @Suite("Academic years")
    struct Years {
        @Test(arguments: ["9223372036854775807-0", "9223372036854775807", "-1", "-5", "99999999999", "+1404", "1404-", "-1404", "1299", "1501", "1404-1406", "۱۴۰۴--۱۴۰۵", "1404\u{0301}"])
        func yearsOutsideTheWindowOrMalformedAreRefused(text: String) {
            #expect(AcademicYear(text) == nil)
        }

        @Test(arguments: [("1404", 1404), ("۱۴۰۴-۱۴۰۵", 1404), ("1404\u{200C}", 1404), ("\u{200F}1405-1406", 1405), ("1300", 1300), ("1500", 1500)])
        func yearsInTheWindowAreRead(text: String, year: Int) {
            #expect(AcademicYear(text)?.startYear == year)
        }

        @Test func aYearReadFromACraftedEventNeverTraps() {
            for year in [Int.max, Int.min, -1, 0, 99_999_999] {
                let academic = AcademicYear(startYear: year)
                #expect(!academic.description.isEmpty)
                #expect(academic.start < academic.end)
                #expect(!AcademicYear.plausibleStartYears.contains(academic.startYear))
            }
        }
    }

    @Suite("Digit fields")
    struct DigitFields {
        @Test(arguments: [
            "0499370899\u{200C}", "04\u{200C}99370899", "0499370899\n", "0499370899\t", "\u{00A0}0499370899", "049\u{200F}9370899",
            "\u{200E}۰۴۹۹۳۷۰۸۹۹\u{200E}", "0499\u{200D}370899", "\u{FEFF}0499370899", "049 937 089 9",
        ])
        func invisibleCharactersAnywhereInANationalCodeAreDropped(input: String) throws {
            #expect(try NationalCode(input).digits == "0499370899")
        }

        @Test(arguments: ["-499370899", "499370899-", "049--9370899", "+499370899", "0499370899\u{0000}", "0499\u{202E}370899x"])
        func signsAndStrayDashesAreNotDigits(input: String) {
            #expect(throws: DomainError.nationalCodeInvalid(input, reason: .notDigits)) { try NationalCode(input) }
        }

        @Test func digitsAreCompactedScalarByScalar() {
            // A digit and the ZWNJ after it are one Character: a filter over Characters never sees it.
            #expect("4\u{200C}".count == 1)
            #expect(Digits.compact("۱\u{200C}۲\u{00A0}3\u{202B}٤") == "1234")
        }
    }

    @Suite("Amounts in rials")
    struct Amounts {
        private var context: DecisionContext { DecisionContext(actor: Actor(id: "officer-1", role: .ministryOfficer), now: Date()) }

        @Test(arguments: [Int64.max, Int64.min, -1, 0, Rials.maximum + 1])
        func anAllocationOutsideTheRangeIsRefusedNamingTheField(rials: Int64) {
            #expect {
                try AwardOffice.decide(.allocate(BudgetLineAllocated(lineId: "grants", title: "گرنت", rials: rials)), state: AwardOffice.initialState, context: context)
            } throws: { error in
                (error as? DomainError)?.code == "value.out_of_range" && (error as? DomainError)?.field == "rials"
            }
        }

        @Test func allocationsWhoseSumPassesTheCeilingAreRefused() throws {
            let first = try AwardOffice.decide(
                .allocate(BudgetLineAllocated(lineId: "grants", title: "گرنت", rials: Rials.maximum)), state: AwardOffice.initialState, context: context)
            let state = first.reduce(AwardOffice.initialState, AwardOffice.evolve)
            #expect(state.lines["grants"]?.allocated == Rials.maximum)
            #expect(throws: DomainError.rialsOutOfRange(field: "rials", 1, total: Rials.maximum)) {
                try AwardOffice.decide(.allocate(BudgetLineAllocated(lineId: "grants", title: "گرنت", rials: 1)), state: state, context: context)
            }
        }

        @Test func foldingAllocationsAlreadyInALogNeverOverflows() {
            // Events appended around the commands: the fold holds the sum at the bound instead of trapping.
            var state = AwardOffice.initialState
            for _ in 0..<3 { state = AwardOffice.evolve(state, .budgetAllocated(BudgetLineAllocated(lineId: "grants", title: "گرنت", rials: 5_000_000_000_000_000_000))) }
            #expect(state.lines["grants"]?.allocated == .max)
            #expect(state.lines["grants"]?.remaining == .max)
        }
    }
}
