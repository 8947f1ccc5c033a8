import Foundation
import HadafEvents
import Testing

/// The remembering lookup answers what the calendar answers, on both sides of 1 Mehr in Tehran.
@Suite("Academic years by instant")
struct AcademicYearLookupTests {
    @Test func theLookupAgreesWithTheCalendarAcrossYearBoundaries() throws {
        var lookup = AcademicYearLookup()
        let mehr1404 = AcademicYear(startYear: 1404).start.timeIntervalSince1970
        let mehr1405 = AcademicYear(startYear: 1405).start.timeIntervalSince1970
        // In time order and back again, as a log's acts and late-recorded acts come.
        let seconds = [mehr1404 - 1, mehr1404, mehr1404 + 86_400, mehr1405 - 0.001, mehr1405, mehr1404 - 86_400 * 400, mehr1405 - 1, mehr1405 + 1]
        for second in seconds {
            let milliseconds = Int64((second * 1000).rounded())
            let expected = AcademicYear(containing: Date(timeIntervalSince1970: Double(milliseconds) / 1000)).startYear
            #expect(lookup.startYear(containingMilliseconds: milliseconds) == expected, "at \(milliseconds)")
        }
        #expect(lookup.startYear(containingMilliseconds: Int64(mehr1404 * 1000) - 1) == 1403)
        #expect(lookup.startYear(containingMilliseconds: Int64(mehr1404 * 1000)) == 1404)
    }
}
