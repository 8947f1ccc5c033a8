import Foundation
import HadafEvents
import HadafProjections
import Participation

/// A festival's office for the ministry: its stage; while the call is open, the button that
/// closes it; once closed, the proposals (accepted submissions of the year and nominated
/// programmes, by category, with the entrant's points) to confirm as entries; the entries with
/// their jurors; the jurors of each section with the form that appoints one; and the button that
/// assigns jurors to entries. Links lead to the rankings and the public winners page.
struct FestivalOfficePage: Sendable {
    static let template = "festival-office"

    let account: PageAccount
    let csrfToken: String
    let festivalId: String
    let title: String
    let yearText: String
    let stageText: String
    let closesOn: String
    let mayClose: Bool
    let mayConfirm: Bool
    let proposals: [Proposal]
    let hasProposals: Bool
    let entries: [Entry]
    let hasEntries: Bool
    let sections: [Section]
    let mayAppoint: Bool
    let mayAssign: Bool
    let unassigned: String
    let notice: String?
    let formError: String?
    let appointNationalCode: String
    let appointUniversity: String

    struct Proposal: Sendable {
        let choiceId: String
        let value: String
        let entryTitle: String
        let categoryTitle: String
        let universityName: String
        let kindName: String
        let points: String
        let nominated: Bool
    }

    struct Entry: Sendable {
        let entryTitle: String
        let categoryTitle: String
        let universityName: String
        let jurorCount: String
        let withdrawn: Bool
    }

    struct Section: Sendable {
        let sectionId: String
        let sectionTitle: String
        /// The section's jurors by name; nil while it has none.
        let jurorList: String?
    }

    /// The form's typed values after a refusal.
    struct Typed: Sendable {
        let nationalCode: String
        let university: String
    }

    init(
        account: PageAccount, festivalId: String, call: FestivalOpened, state: Festival.State, proposals: [FestivalProposal],
        universityName: (String) throws -> String, personName: (String) throws -> String, notice: String? = nil, formError: String? = nil,
        typed: Typed? = nil
    ) throws {
        self.account = account
        csrfToken = account.csrfToken
        self.festivalId = festivalId
        title = call.title
        yearText = AcademicYear(startYear: call.year).persianText
        stageText = state.announced ? "برگزیدگان اعلام شده‌اند" : state.callClosed ? "فراخوان بسته است؛ تأیید آثار و داوری" : "فراخوان باز است"
        closesOn = PersianDisplay.lastDay(before: call.closesAt)
        mayClose = !state.callClosed
        mayConfirm = state.callClosed && !state.announced
        func categoryTitle(_ id: String) -> String { call.category(id)?.category.title ?? id }
        self.proposals = try proposals.map { proposal in
            let value = proposal.kind == "programme" ? "university:\(proposal.university)" : "submission:\(proposal.entryId)"
            return Proposal(
                choiceId: "choose-\(proposal.categoryId)-\(proposal.entryId)", value: "\(proposal.categoryId)|\(value)", entryTitle: proposal.title,
                categoryTitle: categoryTitle(proposal.categoryId), universityName: try universityName(proposal.university),
                kindName: proposal.kind == "programme" ? "برنامه" : PersianDisplay.kind(proposal.kind), points: PersianDisplay.number(proposal.points),
                nominated: proposal.nominated)
        }
        hasProposals = !self.proposals.isEmpty
        let jurorsByEntry = Dictionary(grouping: state.assignments, by: \.entryId)
        entries = try state.entries.values.sorted { ($0.categoryId, $0.entryId) < ($1.categoryId, $1.entryId) }.map { entry in
            Entry(
                entryTitle: entry.title, categoryTitle: categoryTitle(entry.categoryId), universityName: try universityName(entry.university),
                jurorCount: Digits.persian(jurorsByEntry[entry.entryId]?.count ?? 0), withdrawn: state.withdrawn.contains(entry.entryId))
        }
        hasEntries = !entries.isEmpty
        sections = try call.sections.map { section in
            let names = try state.jurorSections.filter { $0.value.contains(section.id) }.keys.sorted().map(personName)
            return Section(sectionId: section.id, sectionTitle: section.title, jurorList: names.isEmpty ? nil : names.joined(separator: "، "))
        }
        mayAppoint = !state.announced
        mayAssign = state.callClosed && !state.announced && !state.entries.isEmpty
        unassigned = Digits.persian(state.activeEntries.filter { jurorsByEntry[$0.entryId] == nil }.count)
        self.notice = notice
        self.formError = formError
        appointNationalCode = typed?.nationalCode ?? ""
        appointUniversity = typed?.university ?? ""
    }
}
