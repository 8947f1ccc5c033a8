import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HTTPTypes
import Hummingbird
import Participation

/// A festival's office in the browser, for ministry officers: `GET /festivals/{id}/office`, and
/// its forms that close the call (`POST /forms/festivals/{id}/close`), confirm the chosen
/// proposals as entries (`…/entries`, each `entry` as `category|submission:<id>` or
/// `category|university:<code>`), appoint a juror to a section by national code (`…/jurors`) and
/// assign jurors to entries (`…/assign`). A browser goes back to the office; a refusal comes
/// back as the office with the reason above. (Opening a call is ``FestivalCallRoutes``; the
/// rankings and the announcement ``FestivalPageRoutes``.)
struct FestivalOfficeRoutes {
    let runner: CommandRunner
    let store: EventStore
    let model: ReadModel
    let pages: PageRenderer

    private struct Reference: Encodable { let festivalId: String }

    private struct Confirm: Encodable {
        struct Choice: Encodable { let categoryId: String; let submissionId, university: String? }
        let festivalId: String
        let entries: [Choice]
    }

    private struct Appoint: Encodable { let festivalId, nationalCode, sectionId: String; let university: String? }

    /// What the forms answer a script.
    struct Done: Codable {
        let festivalId: String
        let positions: [Int64]?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.get("/festivals/:id/office") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            return try office(try context.parameters.require("id"), identity: identity, notice: request.uri.queryParameters.get("done").map(Self.notice))
        }
        handle(router, "close", "festival.close_call") { festival, _ in Reference(festivalId: festival) }
        handle(router, "assign", "festival.assign_jurors") { festival, _ in Reference(festivalId: festival) }
        handle(router, "entries", "festival.confirm_entries") { festival, fields in
            let choices = try (fields.values["entry"] ?? []).map { value -> Confirm.Choice in
                let parts = value.split(separator: "|", maxSplits: 1).map(String.init)
                guard parts.count == 2, let colon = parts[1].firstIndex(of: ":") else {
                    throw Problem.malformedForm(field: "entry", english: "'\(value)' is not a proposal of this page.", persian: "«\(value)» از پیشنهادهای این صفحه نیست.")
                }
                let (kind, id) = (parts[1][..<colon], String(parts[1][parts[1].index(after: colon)...]))
                return Confirm.Choice(categoryId: parts[0], submissionId: kind == "submission" ? id : nil, university: kind == "university" ? id : nil)
            }
            guard !choices.isEmpty else {
                throw Problem.malformedForm(field: "entry", english: "Choose the proposals to confirm.", persian: "پیشنهادهایی را که تأیید می‌کنید برگزینید.")
            }
            return Confirm(festivalId: festival, entries: choices)
        }
        handle(router, "jurors", "festival.appoint_juror") { festival, fields in
            let university = fields["university"]?.trimmingCharacters(in: .whitespaces)
            return Appoint(
                festivalId: festival, nationalCode: Digits.latin(try fields.required("nationalCode")).trimmingCharacters(in: .whitespaces),
                sectionId: try fields.required("sectionId"), university: university?.isEmpty == false ? university : nil)
        }
    }

    private static func notice(_ command: String) -> String {
        switch command {
        case "close": "فراخوان بسته شد."
        case "entries": "آثار برگزیده تأیید شدند."
        case "jurors": "داور گمارده شد."
        case "assign": "آثار به داوران سپرده شدند."
        default: "ثبت شد."
        }
    }

    /// Adds `POST /forms/festivals/{id}/<action>`, which runs `command` with the payload the
    /// form's fields give.
    private func handle(
        _ router: Router<HadafRequestContext>, _ action: String, _ command: String, payload: @escaping @Sendable (String, FormFields) throws -> any Encodable
    ) {
        router.post("/forms/festivals/:id/\(action)") { request, context in
            let festival = try context.parameters.require("id")
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: command)
            do {
                let result = try await form.run(command, payload: try payload(festival, form.fields), on: runner, in: context, of: request)
                return try FormSubmission.reply(
                    to: request, seeOther: "/festivals/\(festival)/office?done=\(action)",
                    created: Done(festivalId: festival, positions: result.positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                let typed = action == "jurors" ? FestivalOfficePage.Typed(nationalCode: form.fields["nationalCode"] ?? "", university: form.fields["university"] ?? "") : nil
                return try office(festival, identity: refusal.identity, formError: refusal.problem.persianMessage, typed: typed, status: refusal.problem.status)
            }
        }
    }

    /// The office page of `festival`, for ministry officers.
    private func office(
        _ festival: String, identity: Identity, notice: String? = nil, formError: String? = nil, typed: FestivalOfficePage.Typed? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard identity.account.actor.role == .ministryOfficer else { throw Problem.forbidden("run a festival", "اداره جشنواره") }
        let state = try CommandHandler<Festival>(store: store).load(Festival.stream(festival)).state
        guard let call = state.opened else { throw Problem.notFound(.festival(festival)) }
        let proposals = state.callClosed && !state.announced
            ? try FestivalRoutes.found(festival) { () throws(ProjectionError) in try FestivalProposal.read(for: try FestivalInputs.read(festival, from: store), in: model) }
            : []
        let names = DisplayNames(store: store)
        let page = try FestivalOfficePage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), festivalId: festival, call: call, state: state, proposals: proposals,
            universityName: names.university, personName: { try names.recipient($0, universityName: "") }, notice: notice,
            formError: formError, typed: typed)
        return try pages.response(FestivalOfficePage.template, page, status: status)
    }
}
