import EventStore
import Foundation
import HadafEvents
import HTTPTypes
import Hummingbird
import Participation

/// Opening a festival's call in the browser, for ministry officers: `GET /festivals/new`
/// (`?like=` an earlier call's id, or `customary`) and `POST /forms/festivals`, which opens the
/// call with the template's sections and categories and each category's numbers as typed. A
/// browser goes on to the new festival's office; a refusal comes back as the form, as typed,
/// with the reason above.
struct FestivalCallRoutes {
    let runner: CommandRunner
    let store: EventStore
    let pages: PageRenderer

    /// What the form answers a script.
    struct Opened: Codable {
        let festivalId: String
        let positions: [Int64]?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.get("/festivals/new") { request, context in
            guard let identity = context.identity else { return Response.toSignIn }
            return try form(identity, like: request.uri.queryParameters.get("like") ?? FestivalCallPage.customary)
        }
        router.post("/forms/festivals") { request, context in
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "festival.open")
            let fields = form.fields
            let like = fields["like"] ?? FestivalCallPage.customary
            do {
                let call = try Self.call(from: fields, like: try sections(like: like, earlier: try earlierCalls()))
                let result = try await form.run("festival.open", payload: call, on: runner, in: context, of: request)
                return try FormSubmission.reply(
                    to: request, seeOther: "/festivals/\(call.festivalId)/office",
                    created: Opened(festivalId: call.festivalId, positions: result.positions.map { [$0.lowerBound, $0.upperBound] }))
            } catch let error where request.prefersHTML && context.identity != nil {
                guard let refusal = FormRefusal(error, context: context) else { throw error }
                return try self.form(refusal.identity, like: like, fields: fields, formError: refusal.problem.persianMessage, status: refusal.problem.status)
            }
        }
    }

    /// The call the form's `fields` describe, with the categories of `sections` and their numbers
    /// as typed.
    private static func call(from fields: FormFields, like sections: [FestivalSection]) throws(Problem) -> FestivalOpened {
        func whole(_ name: String) throws(Problem) -> Int { Int(try FormNumber.whole(try fields.required(name), field: name)) }
        let edition = try fields["edition"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }.map { text throws(Problem) in
            Int(try FormNumber.whole(text, field: "edition"))
        }
        var typedSections: [FestivalSection] = []
        for section in sections {
            var categories: [FestivalCategory] = []
            for category in section.categories {
                let quota = fields["quota-\(category.id)"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                categories.append(FestivalCategory(
                    id: category.id, title: category.title, entrantKind: category.entrantKind, submissionKinds: category.submissionKinds,
                    minimumPoints: category.minimumPoints, rubric: category.rubric, winners: try whole("winners-\(category.id)"),
                    reserves: try whole("reserves-\(category.id)"),
                    quotaPerUniversity: try quota.map { text throws(Problem) in Int(try FormNumber.whole(text, field: "quota-\(category.id)")) },
                    minimumScores: category.minimumScores,
                    prize: FestivalPrize(rials: try FormNumber.whole(try fields.required("rials-\(category.id)"), field: "rials-\(category.id)"), recognition: category.prize.recognition)))
            }
            typedSections.append(FestivalSection(id: section.id, title: section.title, categories: categories))
        }
        return FestivalOpened(
            festivalId: try fields.required("festivalId").trimmingCharacters(in: .whitespaces), year: try whole("year"), edition: edition,
            title: try fields.required("title"), closesAt: try FormDate.endOfDay("closesOn", in: fields), sections: typedSections)
    }

    /// Every call opened so far, the newest last.
    private func earlierCalls() throws -> [FestivalOpened] {
        let handler = CommandHandler<Festival>(store: store)
        return try store.streams(prefixed: "festival-").compactMap { try handler.load($0).state.opened }.sorted { $0.year < $1.year }
    }

    private func sections(like: String, earlier: [FestivalOpened]) throws -> [FestivalSection] {
        if like == FestivalCallPage.customary { return CustomaryFestival.sections }
        guard let call = earlier.first(where: { $0.festivalId == like }) else { throw Problem.notFound(.festival(like)) }
        return call.sections
    }

    /// The form, for ministry officers.
    private func form(
        _ identity: Identity, like: String, fields: FormFields? = nil, formError: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard identity.account.actor.role == .ministryOfficer else { throw Problem.forbidden("open a festival's call", "گشودن فراخوان جشنواره") }
        let earlier = try earlierCalls()
        let page = FestivalCallPage(
            account: PageAccount(identity.account, csrfToken: identity.csrfToken), like: like, earlier: earlier,
            sections: try sections(like: like, earlier: earlier), now: Date(), fields: fields, formError: formError)
        return try pages.response(FestivalCallPage.template, page, status: status)
    }
}
