import EventStore
import Foundation
import HadafEvents
import Participation
import PropertyBased
import Testing

/// Extreme and random values thrown at every parser and decider that takes input from people:
/// nothing traps, every refusal is a typed `DomainError`, and a refused command appends nothing.
@Suite("Hostile values, property by property")
struct HostileValueProperties {
    /// Scalars chosen half the time from the troublesome ones: digits of three scripts, invisible
    /// and bidi characters, signs and separators, NUL, a combining mark.
    static let troublesome: [UInt32] = Array(0x30...0x39) + Array(0x0660...0x0669) + Array(0x06F0...0x06F9)
        + [0x00, 0x09, 0x0A, 0x20, 0x2B, 0x2C, 0x2D, 0x2E, 0xA0, 0x0301, 0x066B, 0x066C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
           0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x064A, 0x0643, 0x06CC, 0x06A9]

    /// Any Unicode scalar (a surrogate becomes U+FFFD), the troublesome ones half the time.
    static let scalar = Gen<UInt32>.value(in: 0...0x21FFFF).map { value -> Unicode.Scalar in
        if value > 0x10FFFF { return Unicode.Scalar(troublesome[Int(value % UInt32(troublesome.count))])! }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
    static let text = scalar.array(of: 0...24).map { String(String.UnicodeScalarView($0)) }

    /// Integers at and around the edges half the time, anything between otherwise.
    static let edges: [Int64] = [.max, .min, 0, -1, 1, Rials.maximum, Rials.maximum + 1, 1300, 1500, 1501, 1299, Int64(Int32.max) + 1]
    static let integer = Gen<Int64>.value(in: .min ... .max).map { value in value % 2 == 0 ? edges[Int(value.magnitude % UInt64(edges.count))] : value }

    @Test func academicYearsParseWithinTheWindowOrNotAtAll() async {
        await propertyCheck(count: 2000, input: Self.text) { text in
            if let year = AcademicYear(text) {
                #expect(AcademicYear.plausibleStartYears.contains(year.startYear), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func nationalCodesAreTenCheckedDigitsOrATypedRefusal() async {
        await propertyCheck(count: 2000, input: Self.text) { text in
            do {
                let code = try NationalCode(text)
                #expect(code.digits.count == 10 && code.digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) })
            } catch let error as DomainError {
                #expect(error.code == "national_code.invalid" && error.field == "nationalCode")
            } catch {
                Issue.record("not a DomainError: \(error)")
            }
        }
    }

    @Test func compactDigitsLeaveNoInvisibleCharacterAndNoOtherScript() async {
        await propertyCheck(count: 2000, input: Self.text) { text in
            let compact = Digits.compact(text)
            #expect(!compact.unicodeScalars.contains { $0.properties.isWhitespace || $0.properties.generalCategory == .format })
            #expect(!compact.unicodeScalars.contains { (0x06F0...0x06F9).contains($0.value) || (0x0660...0x0669).contains($0.value) })
        }
    }

    @Test func budgetDecisionsAndFoldsNeverTrap() async {
        let context = DecisionContext(actor: Actor(id: "officer-1", role: .ministryOfficer), now: Date())
        await propertyCheck(count: 500, input: Self.integer.array(of: 1...12)) { amounts in
            var state = AwardOffice.initialState
            for rials in amounts {
                let allocation = BudgetLineAllocated(lineId: "line", title: "ردیف", rials: rials)
                do {
                    let events = try AwardOffice.decide(.allocate(allocation), state: state, context: context)
                    #expect(Rials.range.contains(rials) && rials > 0)
                    state = events.reduce(state, AwardOffice.evolve)
                    #expect((state.lines["line"]?.allocated ?? 0) <= Rials.maximum)
                } catch let error as DomainError {
                    #expect(error.code == "value.out_of_range" && error.field == "rials")
                } catch {
                    Issue.record("not a DomainError: \(error)")
                }
                // Folding the raw value, as a crafted log would hold it, saturates instead of trapping.
                _ = AwardOffice.evolve(state, .budgetAllocated(allocation)).lines["line"]?.remaining
            }
        }
    }

    /// A JSON value: an extreme number, a random text, or a nested shape.
    static func json(_ selector: Int64, _ text: String) -> String {
        switch selector.magnitude % 8 {
        case 0: return "\(selector)"
        case 1: return ["1e308", "-0.0", "1.5", "9223372036854775808", "-9223372036854775809", "1E400"][Int(selector.magnitude % 6)]
        case 2: return ["null", "true", "false", "[]", "{}", #"[{"a":[1,2,{"b":null}]}]"#][Int(selector.magnitude % 6)]
        default:
            let escaped = text.unicodeScalars.map { $0.value > 0xFFFF ? "\\ufffd" : String(format: "\\u%04x", $0.value) }.joined()
            return "\"\(escaped)\""
        }
    }

    static let keys = [
        "university", "academicYear", "year", "rials", "lineId", "title", "nationalCode", "surveyId", "submissionId", "regulationId", "festivalId",
        "awardId", "kind", "recipient", "email", "name", "code", "displayName", "article", "text", "answers", "content", "groupId", "reason",
    ]

    @Test func everyCommandRefusesHostilePayloadsWithoutAppending() async throws {
        let log = try await DemoLog.make()
        let runner = CommandRunner(store: log.store)
        let fields = zip(Gen<Int>.int(in: 0...(Self.keys.count - 1)), Self.integer, Self.text).array(of: 0...6)
        await propertyCheck(count: 600, input: Gen<Int>.int(in: 0...(CommandRequest.names.count - 1)), fields) { command, fields in
            let name = CommandRequest.names[command]
            let body = "{" + fields.map { "\"\(Self.keys[$0.0])\":\(Self.json($0.1, $0.2))" }.joined(separator: ",") + "}"
            let before = try? log.store.head()?.position
            do {
                let request = try CommandRequest(name: name, actor: log.officer, payload: Data(body.utf8), idempotencyKey: nil)
                _ = try await runner.run(request)
            } catch let error as DomainError {
                #expect(!error.code.isEmpty && !error.englishMessage.isEmpty && !error.persianMessage.isEmpty, "\(name) \(body)")
                #expect((try? log.store.head()?.position) == before, "\(name) \(body) was refused but appended")
            } catch {
                Issue.record("\(name) \(body): not a DomainError: \(error)")
            }
        }
    }

    /// Payloads of the right shape with hostile values where people type: they reach the
    /// deciders, which refuse with a typed error and append nothing, or accept a value in range.
    static let templates: [(command: String, payload: String)] = [
        ("award.allocate_budget", #"{"university":"ut","academicYear":INT,"lineId":"line","title":TEXT,"rials":INT}"#),
        ("award.issue", #"{"nationalCode":TEXT,"kind":"educational_grant","academicYear":INT,"rials":INT,"budgetLine":"line"}"#),
        ("participant.register", #"{"kind":"student","university":"ut","displayName":TEXT,"nationalCode":TEXT,"email":TEXT}"#),
        ("university.register_student_group", #"{"university":"ut","groupId":TEXT,"name":TEXT}"#),
        ("regulation.publish", #"{"regulationId":"reg","kind":"regulation","title":TEXT,"articles":[{"number":INT,"text":TEXT,"notes":[]}]}"#),
    ]

    @Test func hostileValuesInWellShapedPayloadsReachTheDecidersAndAreRefusedWithoutAppending() async throws {
        let log = try await DemoLog.make()
        let runner = CommandRunner(store: log.store)
        await propertyCheck(count: 600, input: Gen<Int>.int(in: 0...(Self.templates.count - 1)), zip(Self.integer, Self.text).array(of: 4...4)) { index, values in
            let template = Self.templates[index]
            var body = template.payload
            var next = 0
            while let slot = body.range(of: "INT") ?? body.range(of: "TEXT") {
                let (number, text) = values[next % values.count]
                body.replaceSubrange(slot, with: body[slot] == "INT" ? "\(number)" : Self.json(3, text))
                next += 1
            }
            let before = try? log.store.head()?.position
            do {
                let request = try CommandRequest(name: template.command, actor: log.officer, payload: Data(body.utf8), idempotencyKey: nil)
                let result = try await runner.run(request)
                if template.command == "award.allocate_budget" { #expect(result.eventCount == 1, "\(body)") }
            } catch let error as DomainError {
                #expect(!error.code.isEmpty && !error.persianMessage.isEmpty, "\(template.command) \(body)")
                #expect((try? log.store.head()?.position) == before, "\(template.command) \(body) was refused but appended")
            } catch {
                Issue.record("\(template.command) \(body): not a DomainError: \(error)")
            }
        }
    }
}
