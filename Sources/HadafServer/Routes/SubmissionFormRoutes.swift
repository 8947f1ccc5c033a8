import EventStore
import Foundation
import HadafEvents
import HadafProjections
import HTTPTypes
import Hummingbird
import NIOCore
import Participation

/// The form handler for ideas and experiences: `POST /forms/idea` and `POST /forms/experience`
/// take a form (`application/x-www-form-urlencoded`, or `multipart/form-data` with attached
/// evidence), and draft and submit it as the signed-in participant, in one append. A browser is sent on to a
/// confirmation page (303); a script gets 201 and JSON. The hidden `idempotencyKey` field (or
/// the `Idempotency-Key` header) makes a double submit land once and answer with the first result.
///
/// Every field a submitted idea or experience needs is required here, so that a form missing
/// one is refused before anything is written. A browser whose idea or experience is refused gets
/// its form again, with what it typed and the reason beside the field (files must be chosen
/// again: a browser does not let a page keep them).
struct SubmissionFormRoutes {
    let runner: CommandRunner
    let attachments: AttachmentStore
    let pages: PageRenderer
    let model: ReadModel
    let store: EventStore

    /// What the form handler answers a script.
    struct Submitted: Codable {
        let submissionId: String
        /// First and last log positions of the draft and its submission.
        let positions: [Int64]?
    }

    func add(to router: Router<HadafRequestContext>) {
        router.post("/forms/idea") { request, context in
            let form = try await FormSubmission.read(request, context: context, limit: context.maxUploadSize, running: "submission.draft")
            do {
                return try await submit(form, request: request, context: context, kind: "idea") { form, _ in (try Self.idea(form.fields), []) }
            } catch let error where request.prefersHTML && context.identity != nil {
                return try formAgain(.idea, form.fields, error: error, context: context)
            }
        }
        router.post("/forms/experience") { request, context in
            let form = try await FormSubmission.read(request, context: context, limit: attachments.maximumSize * 4 + context.maxUploadSize, running: "submission.draft")
            do {
                return try await submit(form, request: request, context: context, kind: "experience") { form, account in
                    try Self.experience(form, attachments: attachments, sender: account.actor.id)
                }
            } catch let error where request.prefersHTML && context.identity != nil {
                return try formAgain(.experience, form.fields, error: error, context: context)
            }
        }
        router.get("/ideas/new") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            return try pages.response(SubmissionFormPage.template, SubmissionFormPage(.idea, account: PageAccount(identity.account, csrfToken: identity.csrfToken)))
        }
        router.get("/experiences/new") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            let page = SubmissionFormPage(.experience, account: PageAccount(identity.account, csrfToken: identity.csrfToken), ideas: try ideas(of: identity.account))
            return try pages.response(SubmissionFormPage.template, page)
        }
        router.get("/forms/submitted/:id") { _, context in
            guard let identity = context.identity else { return Response.toSignIn }
            // Only a submission that exists, and only to its submitter or an author: an id typed into the
            // address is not confirmed as sent.
            let submissionId = try context.parameters.require("id")
            let state = try CommandHandler<Submission>(store: store).load(Submission.stream(submissionId)).state
            let me = identity.account.actor.id
            guard let drafted = state.drafted, drafted.submitter == me || state.authors.contains(where: { $0.id == me }) else {
                throw Problem.notFound(.submission(submissionId))
            }
            let page = SubmittedPage(account: PageAccount(identity.account, csrfToken: identity.csrfToken), submissionId: submissionId, at: Date())
            return try pages.response(SubmittedPage.template, page)
        }
    }

    /// The form with what was typed: every empty field marked, the refusal's message beside its
    /// field (or each of its details beside theirs), or above the form when it names none. A
    /// refusal that is not the form's to show (a stale CSRF token, a fault) goes on as it was.
    private func formAgain(_ kind: SubmissionFormPage.Kind, _ fields: FormFields, error: any Error, context: HadafRequestContext) throws -> Response {
        guard let refusal = FormRefusal(error, context: context) else { throw error }
        let labels = SubmissionFormPage.labels(kind)
        var errors = refusal.messages { labels[$0] != nil || $0 == "evidence" ? $0 : nil }
        var values: [String: String] = [:]
        for (name, label) in labels {
            values[name] = fields[name]
            if (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors[name] = "«\(label)» را پر کنید." }
        }
        values["carriesOutIdea"] = fields["carriesOutIdea"]
        let page = SubmissionFormPage(
            kind, account: refusal.account, values: values, errors: errors, ideas: kind == .experience ? try ideas(of: refusal.identity.account) : [],
            formError: refusal.formMessage(besides: errors), idempotencyKey: fields["idempotencyKey"])
        return try pages.response(SubmissionFormPage.template, page, status: refusal.problem.status)
    }

    /// The person's ideas that an experience may say it carried out: those not withdrawn or rejected.
    private func ideas(of account: Account) throws -> [(id: String, title: String)] {
        try CatalogueEntry.read(submitter: account.actor.id, in: model)
            .filter { $0.kind == "idea" && !["withdrawn", "rejected"].contains($0.status) }
            .map { ($0.submissionId, $0.title) }
    }

    /// Signs in and role first, then the fields; the form's files are kept only once the command
    /// is carried out, and deleted when it is refused.
    private func submit(
        _ form: FormSubmission, request: Request, context: HadafRequestContext, kind: String,
        content: (FormSubmission, Account) throws -> (SubmissionContent, [AttachmentStore.Staged])
    ) async throws -> Response {
        let account = try form.sender(in: context, of: request, running: "submission.draft")
        let key = form.idempotencyKey(for: account, in: request)
        let submissionId = FormSubmission.id(kind, forKey: key)
        let (body, staged) = try content(form, account)
        do {
            let command = CommandRequest.draftSubmission(.init(submissionId: submissionId, content: body, submit: true), actor: account.actor, idempotencyKey: key)
            try CommandAccess.check(command, by: account)
            let positions = try await runner.run(command).positions
            staged.forEach(attachments.keep)
            return try FormSubmission.reply(
                to: request, seeOther: "/forms/submitted/\(submissionId)", created: Submitted(submissionId: submissionId, positions: positions.map { [$0.lowerBound, $0.upperBound] }))
        } catch {
            staged.forEach(attachments.discard)
            throw error
        }
    }

    // MARK: - Contents

    private static func idea(_ form: FormFields) throws(Problem) -> SubmissionContent {
        .idea(IdeaContent(
            title: try form.required("title"), summary: try form.required("summary"), problem: try form.required("problem"),
            proposal: try form.required("proposal"), expectedImpact: try form.required("expectedImpact"), category: try category(form)))
    }

    private static func experience(
        _ form: FormSubmission, attachments: AttachmentStore, sender: String
    ) throws(Problem) -> (SubmissionContent, [AttachmentStore.Staged]) {
        let fields = form.fields
        let (title, summary) = (try fields.required("title"), try fields.required("summary"))
        let (startedOn, endedOn) = (try FormDate.required("startedOn", in: fields), try FormDate.required("endedOn", in: fields))
        let (place, results, category) = (try fields.required("place"), try fields.required("results"), try category(fields))
        var staged: [AttachmentStore.Staged] = []
        do {
            for file in form.files where file.field == "evidence" { staged.append(try attachments.stage(file, for: sender)) }
        } catch {
            staged.forEach(attachments.discard)
            throw error
        }
        let idea = fields["carriesOutIdea"].flatMap { $0.isEmpty ? nil : $0 }
        return (.experience(ExperienceContent(
            title: title, summary: summary, startedOn: startedOn, endedOn: endedOn, place: place, results: results,
            category: category, evidence: staged.map(\.reference), carriesOutIdea: idea)), staged)
    }

    private static func category(_ form: FormFields) throws(Problem) -> SubmissionCategory {
        let text = try form.required("category")
        guard let category = SubmissionCategory(rawValue: text) else {
            throw .malformedForm(
                field: "category", english: "'\(text)' is not a category: choose one of \(SubmissionCategory.allCases.map(\.rawValue).joined(separator: ", ")).",
                persian: "«\(text)» دسته‌ای نیست؛ یکی از این‌ها را برگزینید: \(SubmissionCategory.allCases.map(\.persianName).joined(separator: "، ")).")
        }
        return category
    }
}
