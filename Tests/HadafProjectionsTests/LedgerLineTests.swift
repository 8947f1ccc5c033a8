import HadafEvents
@testable import HadafProjections
import Testing

@Suite("The ledger in memory: lines, facts, submission credits")
struct LedgerLineTests {
    /// A line holds its rule as a byte: every rule a policy may score has one, and only those.
    @Test func theRulesAreThoseAPolicyScores() {
        #expect(LedgerRule.allCases.map(\.rawValue) == IncentivePolicy.ruleIds)
    }

    /// Tables naming a rule no ledger wrote are refused, not scored as nothing.
    @Test func anUnknownStoredRuleIsRefused() {
        #expect(throws: ProjectionError.self) { try LedgerRule(stored: "survey.skipped") }
        #expect((try? LedgerRule(stored: "idea.accepted")) == .ideaAccepted)
    }

    /// The audit holds every line of a national year at once (seven million and more): a line
    /// outgrowing its forty bytes by a word would cost sixty megabytes there.
    @Test func aLineTakesFortyBytes() {
        #expect(MemoryLayout<LedgerLine>.stride == 40)
    }

    /// An account finds a line by its fact, its rule's family and subject, in whichever year:
    /// an adoption is found whether the amendment was adopted or partly adopted, a submission's
    /// acceptance is not its submission.
    @Test func anAccountFindsALineByItsFact() {
        var account = LedgerAccount()
        account.years[1404] = LedgerYear()
        account.years[1404]!.insert(LedgerLine(about: "s-1", rule: .surveyAnswered, share: 1, position: 4))
        account.years[1404]!.insert(LedgerLine(about: "sub-7", rule: .ideaSubmitted, share: 0.5, position: 9))
        account.years[1405] = LedgerYear()
        account.years[1405]!.insert(LedgerLine(about: "reg-1/c-2", rule: .amendmentAdopted, share: 1, position: 12))
        #expect(account.find(.ideaSubmitted, about: "sub-7").map { [$0.year, $0.index] } == [1404, 1])
        #expect(account.find(.ideaAccepted, about: "sub-7") == nil)
        #expect(account.find(LedgerRule.amendmentPartlyAdopted.family, about: "reg-1/c-2").map { [$0.year, $0.index] } == [1405, 0])
        #expect(account.find(.contribution, about: "reg-1/c-2") == nil)
        #expect(account.find(.survey, about: "s-3") == nil)
    }

    /// A year skips the search for a fact whose bit no line of it has set: every line added,
    /// or replaced in place, is still found among hundreds, and facts it has not are not.
    @Test func aYearFindsEveryFactItHoldsAndNoOther() {
        var account = LedgerAccount()
        account.years[1404] = LedgerYear()
        for number in 0..<300 {
            account.years[1404]!.insert(LedgerLine(about: "s-\(number)", rule: .surveyAnswered, share: 1, position: Int64(number)))
        }
        account.years[1405] = LedgerYear()
        account.years[1405]!.insert(LedgerLine(about: "s-0", rule: .surveyAnswered, share: 1, position: 400))
        account.years[1405]![0] = LedgerLine(about: "sub-9", rule: .ideaSubmitted, share: 1, position: 401)
        for number in 1..<300 {
            #expect(account.find(.survey, about: "s-\(number)").map { [$0.year, $0.index] } == [1404, number])
            #expect(account.find(.survey, about: "s-\(number + 300)") == nil)
        }
        #expect(account.find(.ideaSubmitted, about: "sub-9").map { [$0.year, $0.index] } == [1405, 0])
        #expect(account.find(.ideaAccepted, about: "sub-9") == nil)
    }

    /// A year changed through ``LedgerYears/withYear(_:_:)`` is made when missing, changed in
    /// place (what the subscript reads afterwards is the change), and its lines are counted.
    @Test func aYearIsChangedInPlaceAndItsLinesCounted() {
        var years = LedgerYears()
        let made = years.withYear(1404) { year in
            year.insert(LedgerLine(about: "s-1", rule: .surveyAnswered, share: 1, position: 1))
            year.insert(LedgerLine(about: "s-2", rule: .surveyAnswered, share: 1, position: 2))
            year.total = 2
            return year.lines.count
        }
        years.withYear(1405) { $0.insert(LedgerLine(about: "sub-1", rule: .ideaSubmitted, share: 0.5, position: 3)) }
        years.withYear(1404) { year in
            var line = year[0]
            line.retracted = true
            year[0] = line
            year.insert(LedgerLine(about: "s-3", rule: .surveyAnswered, share: 1, position: 4))
        }
        #expect(made == 2)
        #expect(years.lineCount == 4)
        #expect(years.keys.sorted() == [1404, 1405])
        #expect(years[1404]?.lines.map(\.subject) == ["s-1", "s-2", "s-3"])
        #expect(years[1404]?.lines.map(\.retracted) == [true, false, false])
        #expect(years[1404]?.total == 2)
        #expect(years[1405]?.lines.first?.share == 0.5)
    }

    /// The tables name a fact by its key; read back, the key gives the subject again, under
    /// every rule, and a key of another rule's form is refused.
    @Test func aFactKeyGivesItsSubjectBack() throws {
        for rule in LedgerRule.allCases {
            for subject in ["s-1", "reg-0/c-1000060:p-00001bca", "", "sub-1:odd:id"] {
                #expect(try rule.subject(ofFactKey: rule.factKey(about: subject)) == subject, "\(rule) \(subject)")
            }
        }
        #expect(LedgerRule.ideaAccepted.factKey(about: "sub-7") == "submission:sub-7:idea.accepted")
        #expect(LedgerRule.surveyAnswered.factKey(about: "s-1") == "survey:s-1")
        #expect(throws: ProjectionError.self) { try LedgerRule.ideaAccepted.subject(ofFactKey: "submission:sub-7:idea.submitted") }
        #expect(throws: ProjectionError.self) { try LedgerRule.surveyAnswered.subject(ofFactKey: "festival:f-1:e-2") }
    }

    /// A share is kept in whole percent and read back exactly as the fold computes it, from a
    /// co-author's or a prize recipient's percentage.
    @Test func aShareIsReadBackExactly() {
        for percent in [0, 1, 33, 50, 67, 99, 100] {
            var line = LedgerLine(about: "sub-1", rule: .ideaAccepted, share: Double(percent) / 100, position: 1)
            #expect(line.share == Double(percent) / 100)
            line.share = Double(100 - percent) / 100
            #expect(line.share == Double(100 - percent) / 100)
        }
    }

    /// A line's flags are kept apart from one another in their shared byte.
    @Test func aLinesFlagsAreIndependent() {
        var line = LedgerLine(about: "s-1", rule: .surveyAnswered, share: 1, position: 4)
        #expect(line.isDirty && !line.retracted && !line.capped && !line.isScored)
        line.capped = true
        line.isScored = true
        line.isDirty = false
        #expect(!line.isDirty && !line.retracted && line.capped && line.isScored)
        line.retracted = true
        line.capped = false
        #expect(line.retracted && !line.capped && line.isScored && !line.isDirty)
    }

    /// A submission's credit gives back its authors and their shares in order, however many it
    /// has, in 32 bytes (a national year holds a million in a dictionary of slots that size).
    @Test func aSubmissionCreditGivesItsAuthorsBack() {
        for count in [0, 1, 3] {
            let authors = (0..<count).map { LedgerBook.Author(id: "p-\($0)", share: Double(100 / max(count, 1))) }
            let credit = LedgerBook.SubmissionCredit(kind: .idea, authors: authors)
            #expect(credit.authors.map(\.id) == authors.map(\.id) && credit.authors.map(\.share) == authors.map(\.share))
        }
        #expect(MemoryLayout<LedgerBook.SubmissionCredit>.stride == 32)
    }

    /// A year's points by rule start at nothing and move apart, rule by rule.
    @Test func ruleTotalsAreKeptApart() {
        var totals = RuleTotals()
        #expect(totals[.surveyAnswered] == 0)
        totals[.surveyAnswered] += 2
        totals[.ideaAccepted] += 5
        totals[.surveyAnswered] += 2
        #expect(totals[.surveyAnswered] == 4 && totals[.ideaAccepted] == 5 && totals[.festivalWinner] == 0)
    }

    /// A participant's years are found, changed in place, assigned and taken out by year.
    @Test func yearsAreKeptByYear() {
        var years = LedgerYears()
        #expect(years[1404] == nil && years.keys.isEmpty)
        years[1404] = LedgerYear()
        years[1405] = LedgerYear()
        years[1404]!.total = 7
        years[1405]!.insert(LedgerLine(about: "s-1", rule: .surveyAnswered, share: 1, position: 4))
        years[1404]!.total += 1
        #expect(years[1404]?.total == 8 && years[1404]?.lines.isEmpty == true && years[1405]?.lines.count == 1)
        #expect(years.keys.sorted() == [1404, 1405] && years.map(\.ledger.total).sorted() == [0, 8])
        #expect(years.removeValue(forKey: 1404)?.total == 8 && years[1404] == nil && years.keys == [1405])
        years[1405] = nil
        #expect(years.keys.isEmpty)
    }
}
