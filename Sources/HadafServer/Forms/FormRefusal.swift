import HTTPTypes

/// A refusal that a browser's form shows again: each reason beside the field it names, or above
/// the form when it names none of the form's fields.
struct FormRefusal {
    let problem: Problem
    let identity: Identity

    /// The refusal of `error` for the signed-in browser of `context`; nil when the form must not
    /// be shown again (no one signed in, a stale CSRF token or a refused role, an unforeseen
    /// fault), so that the error goes on to its error page.
    init?(_ error: any Error, context: HadafRequestContext) {
        let problem = ProblemMiddleware.problem(for: error)
        guard problem.status != .forbidden, problem.status != .internalServerError, let identity = context.identity else { return nil }
        self.problem = problem
        self.identity = identity
    }

    /// Each reason (the problem's, or each of its details) by the form's field it names:
    /// `field` maps a problem's field to the form's, or to nil when the form has no such field.
    func messages(field: (String) -> String?) -> [String: String] {
        var messages: [String: String] = [:]
        for detail in problem.details.isEmpty ? [problem] : problem.details {
            if let name = detail.field.flatMap(field), messages[name] == nil { messages[name] = detail.persianMessage }
        }
        return messages
    }

    /// The reason to show above the form: the problem's, when none is shown beside a field.
    func formMessage(besides messages: [String: String]) -> String? {
        messages.isEmpty ? problem.persianMessage : nil
    }

    /// The signed-in account as the layout shows it.
    var account: PageAccount { PageAccount(identity.account, csrfToken: identity.csrfToken) }
}
