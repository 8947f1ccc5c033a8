import Foundation
import HadafEvents
import Participation
import Testing

@Suite("The Jalali calendar and academic years")
struct JalaliCalendarTests {
    private func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test func knownDatesConvert() {
        #expect(JalaliDate(utc("2026-11-21T12:00:00Z")) == JalaliDate(year: 1405, month: 8, day: 30))
        #expect(JalaliDate(year: 1404, month: 7, day: 1)?.start == utc("2025-09-22T20:30:00Z"))
        #expect(JalaliDate(utc("2025-09-23T12:00:00Z")).description == "1404-07-01")
    }

    @Test func theTehranDayDecidesNotTheUTCDay() {
        // 22:00 UTC on 20 March 2025 is 01:30 on 21 March in Tehran: Nowruz, 1 Farvardin 1404.
        #expect(JalaliDate(utc("2025-03-20T22:00:00Z")) == JalaliDate(year: 1404, month: 1, day: 1))
        #expect(JalaliDate(utc("2025-03-20T20:00:00Z")) == JalaliDate(year: 1403, month: 12, day: 30))
    }

    @Test func leapYears() {
        #expect(JalaliDate.isLeapYear(1403))
        #expect(!JalaliDate.isLeapYear(1404))
        #expect(JalaliDate(year: 1404, month: 12, day: 30) == nil)
        #expect(JalaliDate(year: 1404, month: 13, day: 1) == nil)
    }

    @Test func academicYearsStartOnFirstMehr() {
        let lastOfShahrivar = JalaliDate(year: 1404, month: 6, day: 31)!
        let firstOfMehr = JalaliDate(year: 1404, month: 7, day: 1)!
        #expect(AcademicYear(lastOfShahrivar).description == "1403-1404")
        #expect(AcademicYear(firstOfMehr).description == "1404-1405")
        #expect(AcademicYear(containing: utc("2026-11-21T12:00:00Z")) == AcademicYear(startYear: 1405))
        #expect(AcademicYear(startYear: 1404).persianText == "۱۴۰۴-۱۴۰۵")
        #expect(AcademicYear(startYear: 1404).start == firstOfMehr.start)
        #expect(AcademicYear(startYear: 1404).end == JalaliDate(year: 1405, month: 7, day: 1)!.start)
    }

    @Test func academicYearsParseInEitherDigits() {
        #expect(AcademicYear("1404") == AcademicYear(startYear: 1404))
        #expect(AcademicYear("۱۴۰۴-۱۴۰۵") == AcademicYear(startYear: 1404))
        #expect(AcademicYear("1404-1406") == nil)
        #expect(AcademicYear("next year") == nil)
    }

    @Test func datesReadInPersian() {
        #expect(JalaliDate(year: 1405, month: 8, day: 30)?.persianText == "۳۰ آبان ۱۴۰۵")
    }
}
