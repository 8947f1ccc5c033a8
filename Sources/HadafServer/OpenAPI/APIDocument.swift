import Foundation
import HadafEvents
import Participation

/// The OpenAPI 3.1 document of the server, built from the same tables the routes use (the
/// command names and who may send each), served at `/openapi.json` and kept in the repo as
/// `docs/openapi.json`. A test compares the router's routes with the document's paths and the
/// committed file with this one, so the three cannot drift apart.
public enum APIDocument {
    /// One operation: a method on a path, what it does, and how it answers.
    struct Operation {
        let method: String
        let path: String
        let summary: String
        var body: Body = .none
        var signedIn = true
        var responses: [Int: String]
        var query: [String: String] = [:]

        enum Body { case none, json(String), form(String) }
    }

    static let operations: [Operation] = [
        Operation(method: "get", path: "/health", summary: "The process is up and answering (no database is touched).", signedIn: false, responses: [200: "Healthy"]),
        Operation(method: "get", path: "/openapi.json", summary: "This document.", signedIn: false, responses: [200: "The OpenAPI document"]),
        Operation(method: "get", path: "/metrics", summary: "Prometheus metrics: requests and latencies by route, the log's head, projector lag.",
                  signedIn: false, responses: [200: "The metrics, in Prometheus' text format"]),
        Operation(method: "post", path: "/api/v1/session", summary: "Sign in: sets the session cookie and returns the CSRF token.",
                  body: .json(#"{"login": "…", "password": "…"}"#), signedIn: false, responses: [201: "Signed in", 401: "Wrong login or password", 429: "Too many failed attempts"]),
        Operation(method: "delete", path: "/api/v1/session", summary: "Sign out.", responses: [204: "Signed out", 401: "Not signed in", 403: "CSRF token missing"]),
        Operation(method: "get", path: "/api/v1/me", summary: "The signed-in account, with its CSRF token for a session.", responses: [200: "The account", 401: "Not signed in"]),
        Operation(method: "post", path: "/api/v1/tokens", summary: "A new API token for scripts, shown once (at most 20 an account).",
                  responses: [201: "The token", 401: "Not signed in", 409: "The account holds 20 tokens already"]),
        Operation(method: "get", path: "/api/v1/tokens", summary: "The signed-in account's API tokens: id, label and creation time, never the token.",
                  responses: [200: "The tokens", 401: "Not signed in"]),
        Operation(method: "delete", path: "/api/v1/tokens/{id}", summary: "Revokes one of the signed-in account's API tokens, by the id its list gives.",
                  responses: [204: "Revoked", 401: "Not signed in", 403: "CSRF token missing", 404: "No token of yours has this id"]),
        Operation(method: "post", path: "/api/v1/commands/{name}",
                  summary: "Runs a command of docs/commands.md as the signed-in account; `Idempotency-Key` makes a retry return the first result.",
                  body: .json("The command's payload, as in docs/commands.md"),
                  responses: [200: "Nothing changed", 201: "Appended", 400: "Malformed payload", 401: "Not signed in", 403: "Role, university or CSRF refused",
                              404: "Unknown command, or what it names", 409: "Conflicts with the current state", 413: "Body too large", 422: "Invalid input"]),
        Operation(method: "get", path: "/api/v1/participants/{id}/scores", summary: "A participant's ledger lines with their evidence (theirs, their deputy's, the ministry's).",
                  responses: [200: "The lines", 400: "A bad year", 401: "Not signed in", 403: "Not yours to see"], query: ["year": "An academic year, e.g. 1404 or ۱۴۰۴-۱۴۰۵"]),
        Operation(method: "get", path: "/api/v1/universities/{code}/eligibility", summary: "Who reached which incentive at a university in a year.",
                  responses: [200: "The entries", 400: "No or a bad year", 401: "Not signed in", 403: "Another university"], query: ["year": "Required: an academic year"]),
        Operation(method: "get", path: "/api/v1/universities/{code}/summary", summary: "A university's participation in a year.",
                  responses: [200: "The summary", 400: "No or a bad year", 401: "Not signed in", 403: "Another university"], query: ["year": "Required: an academic year"]),
        Operation(method: "get", path: "/api/v1/surveys/{id}/results", summary: "A survey's results so far (officers).",
                  responses: [200: "The results", 401: "Not signed in", 403: "Not an officer", 404: "No such survey"]),
        Operation(method: "get", path: "/api/v1/festivals/{id}/proposals",
                  summary: "The accepted submissions each category of a festival could admit, nominated ones marked (ministry).",
                  responses: [200: "The proposals", 401: "Not signed in", 403: "Not a ministry officer", 404: "No such festival"]),
        Operation(method: "get", path: "/api/v1/festivals/{id}/standings",
                  summary: "Each category's ranking with every juror's percentage and normalised score (ministry).",
                  responses: [200: "The rankings", 401: "Not signed in", 403: "Not a ministry officer", 404: "No such festival"]),
        Operation(method: "get", path: "/api/v1/festivals/{id}/assignments",
                  summary: "The entries assigned to the signed-in juror, blinded: no authors, no university.",
                  responses: [200: "The entries", 401: "Not signed in", 403: "Not a juror", 404: "No such festival"]),
        Operation(method: "get", path: "/api/v1/festivals/{id}/winners", summary: "The announced winners and reserves, with their prizes; empty until announced.",
                  responses: [200: "The winners", 401: "Not signed in", 404: "No such festival"]),
        Operation(method: "get", path: "/api/v1/festivals/{id}/verification",
                  summary: "Whether the announced list is the list the festival's events give, and whether they changed since (officers).",
                  responses: [200: "The verification", 401: "Not signed in", 403: "Not an officer", 404: "No such festival"]),
        Operation(method: "get", path: "/login", summary: "The sign-in page (HTML).", signedIn: false, responses: [200: "The page", 303: "Already signed in: to /"]),
        Operation(method: "post", path: "/login", summary: "Sign in from a form; redirects to /. A browser refused gets the form again, with the reason beside the login.",
                  body: .form("login, password"), signedIn: false,
                  responses: [303: "Signed in", 401: "Wrong login or password", 429: "Too many failed attempts"]),
        Operation(method: "post", path: "/logout", summary: "Sign out from a form; redirects to /login.", body: .form("csrfToken"),
                  responses: [303: "Signed out", 401: "Not signed in", 403: "CSRF token missing"]),
        Operation(method: "get", path: "/", summary: "The signed-in person's dashboard (HTML): submissions and their status, points line by line.", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login"]),
        Operation(method: "get", path: "/ideas/new", summary: "The idea form (HTML), posting to /forms/idea.", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login"]),
        Operation(method: "get", path: "/experiences/new", summary: "The experience form with evidence files (HTML), posting to /forms/experience.", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login"]),
        Operation(method: "get", path: "/assets/hadaf.css", summary: "The pages' style sheet.", signedIn: false, responses: [200: "The style sheet"]),
        Operation(method: "get", path: "/surveys/{id}", summary: "A survey as a form (HTML), posting to /forms/surveys/{id}/answers.", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login", 404: "No such survey"]),
        Operation(method: "get", path: "/regulations/{id}", summary: "A regulation article by article with what was said on each, and a form per article while its round is open (HTML).",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 404: "No such regulation"]),
        Operation(method: "get", path: "/screening",
                  summary: "The queue of submissions awaiting screening at a university (HTML): a deputy officer's own, or for the ministry the one ?university= names.",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 400: "The ministry naming no university", 403: "Not an officer, or another university"],
                  query: ["university": "The university (required for the ministry)"]),
        Operation(method: "get", path: "/screening/{id}", summary: "A submission awaiting screening, its near-duplicates and the decision form (HTML).", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not an officer", 404: "Not awaiting screening here"]),
        Operation(method: "post", path: "/forms/screening/{id}", summary: "The screening form's handler: accept, return or reject (with a ground) as the signed-in deputy officer.",
                  body: .form("csrfToken, decision, ground, duplicateOf, reason"),
                  responses: [201: "Screened (scripts)", 303: "Screened (browsers)", 400: "No decision", 401: "Not signed in", 403: "CSRF token missing, role or university refused",
                              409: "Not awaiting screening", 422: "A reason or ground missing"]),
        Operation(method: "get", path: "/festivals/{id}/jury", summary: "A juror's entries in a festival, blinded (HTML).", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not a juror", 404: "No such festival"]),
        Operation(method: "get", path: "/festivals/{id}/jury/{entry}", summary: "One assigned entry with the rubric as a form (HTML).", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not a juror, or not assigned", 404: "No such festival"]),
        Operation(method: "post", path: "/forms/festivals/{id}/entries/{entry}/scores",
                  summary: "The scoring form's handler: a score per criterion of the rubric, as the signed-in juror; a browser goes back to its entries.",
                  body: .form("csrfToken, one field per criterion id"),
                  responses: [201: "Scored (scripts)", 303: "Scored (browsers)", 400: "A criterion without a score", 401: "Not signed in",
                              403: "CSRF token missing, not a juror, or not assigned", 409: "Winners announced", 422: "A score out of range"]),
        Operation(method: "get", path: "/surveys/{id}/answered", summary: "The page after a survey's answers are recorded (HTML).", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login", 404: "No such survey"]),
        Operation(method: "post", path: "/forms/idea",
                  summary: "The idea form handler: drafts and submits an idea; a browser is redirected to its confirmation, a script gets JSON.",
                  body: .form("csrfToken, title, summary, problem, proposal, expectedImpact, category, idempotencyKey (optional)"),
                  responses: [201: "Submitted (scripts)", 303: "Submitted (browsers)", 400: "A field is missing or malformed", 401: "Not signed in",
                              403: "CSRF token missing or role refused", 415: "Not a form", 422: "Invalid input"]),
        Operation(method: "post", path: "/forms/experience",
                  summary: "The experience form handler, with evidence files (multipart/form-data) stored content-addressed beside the log.",
                  body: .form("csrfToken, title, summary, startedOn, endedOn (1405/07/18 or 2026-10-10), place, results, category, carriesOutIdea (optional), evidence (files), idempotencyKey (optional)"),
                  responses: [201: "Submitted (scripts)", 303: "Submitted (browsers)", 400: "A field is missing or malformed", 401: "Not signed in",
                              403: "CSRF token missing or role refused", 413: "A file or the body is too large", 415: "Not a form", 422: "Invalid input or a refused file type"]),
        Operation(method: "post", path: "/forms/regulations/{id}/contributions",
                  summary: "The review form: a comment or a proposed amendment on one article of a regulation under review.",
                  body: .form("csrfToken, kind (comment or amendment), article, text, rationale (for an amendment), idempotencyKey (optional)"),
                  responses: [201: "Contributed (scripts)", 303: "Contributed (browsers: back to the regulation)", 400: "A field is missing or malformed",
                              401: "Not signed in", 403: "CSRF token missing, role refused, or not in the round's audience", 404: "No such regulation or article",
                              409: "The round is not open", 422: "Invalid input"]),
        Operation(method: "post", path: "/forms/regulations/{id}/contributions/{contribution}/endorse",
                  summary: "Endorses another participant's proposed amendment while the round is open; a browser goes back to the article.", body: .form("csrfToken, article"),
                  responses: [201: "Endorsed (scripts)", 303: "Endorsed (browsers)", 401: "Not signed in", 403: "CSRF token missing, role refused, or not in the round's audience",
                              404: "No such regulation or proposal", 409: "One's own proposal, withdrawn, or the round not open"]),
        Operation(method: "post", path: "/forms/regulations/{id}/proposals/{proposal}/answer",
                  summary: "A ministry officer's answer to a proposed amendment after the round's deadline: adopted, partly adopted or rejected, with the reason.",
                  body: .form("csrfToken, article, verdict, reason"),
                  responses: [201: "Answered (scripts)", 303: "Answered (browsers)", 400: "No verdict", 401: "Not signed in", 403: "CSRF token missing or not a ministry officer",
                              404: "No such regulation or proposal", 409: "The deadline not passed, or the round finalised", 422: "No reason"]),
        Operation(method: "post", path: "/forms/regulations/{id}/contributions/{contribution}/withdraw",
                  summary: "Withdraws one's own comment or proposal while the round is open; a browser goes back to the article.", body: .form("csrfToken, article"),
                  responses: [201: "Withdrawn (scripts)", 303: "Withdrawn (browsers)", 401: "Not signed in", 403: "CSRF token missing or not one's own",
                              404: "No such regulation or contribution", 409: "The round not open"]),
        Operation(method: "post", path: "/forms/surveys/{id}/answers",
                  summary: "The survey form: one field per question, named by its id (repeated for several choices); blank is unanswered.",
                  body: .form("csrfToken, <question id> for each question, idempotencyKey (optional)"),
                  responses: [201: "Answered (scripts)", 303: "Answered (browsers)", 400: "A field is malformed", 401: "Not signed in",
                              403: "CSRF token missing, role refused, or not in the survey's audience", 404: "No such survey",
                              409: "Not open, closed, or already answered", 422: "Answers the survey refuses, field by field"]),
        Operation(method: "get", path: "/forms/submitted/{id}", summary: "The confirmation page after an idea or an experience (HTML).", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login"]),
        Operation(method: "get", path: "/festivals/{id}/winners", summary: "A festival's announced winners and reserves (HTML, public): titles, universities and prizes.",
                  signedIn: false, responses: [200: "The page", 404: "No such festival"]),
        Operation(method: "get", path: "/surveys/{id}/results", summary: "A survey's results so far (HTML) for ministry and deputy officers: responses, by university, each question's counts, shares and mean; for the ministry, publishing and closing.",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not an officer", 404: "No such survey"]),
        Operation(method: "get", path: "/university",
                  summary: "A university's participation in a year (HTML): people at each level, points, and who reached which incentive (deputy officers: their university; the ministry: ?university=).",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 400: "No university or a bad year", 403: "Not an officer, or another university"],
                  query: ["university": "The university (required for the ministry)", "year": "An academic year; the current one when absent"]),
        Operation(method: "get", path: "/festivals/{id}/standings",
                  summary: "A festival's rankings for the ministry (HTML): each category's entries with rank, outcome, normalised mean and scores, and the button that announces the winners.",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not a ministry officer", 404: "No such festival"]),
        Operation(method: "post", path: "/forms/festivals/{id}/announce", summary: "Announces the winners the festival's events give; a browser goes to the public winners page.",
                  body: .form("csrfToken, idempotencyKey (optional)"),
                  responses: [201: "Announced (scripts)", 303: "Announced (browsers)", 401: "Not signed in", 403: "CSRF token missing or not a ministry officer",
                              404: "No such festival", 409: "The call still open, or already announced"]),
        Operation(method: "get", path: "/awards",
                  summary: "A university's awards office for a year (HTML): budget lines, awards with approve and revoke forms, eligible people with the form that issues (deputy officers: their university; the ministry: ?university=).",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 400: "No university or a bad year", 403: "Not an officer, or another university"],
                  query: ["university": "The university (required for the ministry)", "year": "An academic year; the current one when absent"]),
        Operation(method: "get", path: "/audit", summary: "The audit of a university's year (HTML): what was checked and each finding, recomputed from the log.", signedIn: false,
                  responses: [200: "The page", 303: "Not signed in: to /login", 400: "No university or a bad year", 403: "Not an officer, or another university"],
                  query: ["university": "The university (required for the ministry)", "year": "An academic year; the current one when absent"]),
        Operation(method: "post", path: "/forms/awards", summary: "The issuing form's handler: sends award.issue as the signed-in officer; a browser goes back to the office.",
                  body: .form("csrfToken, university, academicYear, recipient, kind, rials and budgetLine (paid kinds), promotionPoints (Article-1), idempotencyKey (optional)"),
                  responses: [201: "Issued (scripts)", 303: "Issued (browsers)", 400: "A field is missing or malformed", 401: "Not signed in",
                              403: "CSRF token missing, role or university refused", 409: "Already issued, or over budget", 422: "Not eligible, or an amount refused"]),
        Operation(method: "post", path: "/forms/awards/budget", summary: "The ministry's budget allocation form: a line of a university's year, in rials (a known line grows).",
                  body: .form("csrfToken, university, academicYear, lineId, title, rials"),
                  responses: [201: "Allocated (scripts)", 303: "Allocated (browsers)", 400: "A field is missing or malformed", 401: "Not signed in",
                              403: "CSRF token missing or not a ministry officer", 422: "An amount refused"]),
        Operation(method: "post", path: "/forms/awards/{id}/approve", summary: "A second officer's approval of an award above the one-officer limit.", body: .form("csrfToken"),
                  responses: [201: "Approved (scripts)", 303: "Approved (browsers)", 401: "Not signed in", 403: "CSRF token missing, role or university refused",
                              404: "No such award", 409: "The issuer approving, revoked, or not awaiting approval"]),
        Operation(method: "post", path: "/forms/awards/{id}/revoke", summary: "Revokes an award, with the reason.", body: .form("csrfToken, reason"),
                  responses: [201: "Revoked (scripts)", 303: "Revoked (browsers)", 401: "Not signed in", 403: "CSRF token missing, role or university refused",
                              404: "No such award", 422: "No reason"]),
        Operation(method: "get", path: "/regulations",
                  summary: "The ministry's regulations office (HTML): every regulation with its review, and the forms that publish one, open a round and finalise it.",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not a ministry officer"]),
        Operation(method: "post", path: "/forms/regulations", summary: "Publishes a regulation: its articles one paragraph each, notes on the paragraph's further lines.",
                  body: .form("csrfToken, regulationId, kind (regulation or procedure), title, articles, idempotencyKey (optional)"),
                  responses: [201: "Published (scripts)", 303: "Published (browsers)", 400: "A field is missing or no article", 401: "Not signed in",
                              403: "CSRF token missing or not a ministry officer", 409: "The regulation exists", 422: "Invalid input"]),
        Operation(method: "post", path: "/forms/regulations/{id}/round", summary: "Opens a review round: a deadline typed as a day (it runs to the day's end) and the roles and universities addressed.",
                  body: .form("csrfToken, deadline (1405/10/30 or 2027-01-19), audience (repeated roles; none for all), universities (codes, optional), idempotencyKey (optional)"),
                  responses: [201: "Opened (scripts)", 303: "Opened (browsers)", 400: "No deadline, or not a date", 401: "Not signed in",
                              403: "CSRF token missing or not a ministry officer", 404: "No such regulation", 409: "A round is open, or the deadline has passed"]),
        Operation(method: "post", path: "/forms/regulations/{id}/finalise", summary: "Ends a round whose deadline has passed, with the next version's text when it changed (required when a proposal was adopted).",
                  body: .form("csrfToken, articles, idempotencyKey (optional)"),
                  responses: [201: "Finalised (scripts)", 303: "Finalised (browsers)", 401: "Not signed in", 403: "CSRF token missing or not a ministry officer",
                              404: "No such regulation", 409: "The deadline not passed, proposals unanswered, or the next version's text missing", 422: "Invalid text"]),
        Operation(method: "get", path: "/festivals/new", summary: "The form that opens a festival's call (HTML, ministry), with the sections of the customary festival or of an earlier call.",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not a ministry officer", 404: "No such earlier call"],
                  query: ["like": "customary, or an earlier call's id"]),
        Operation(method: "post", path: "/forms/festivals", summary: "Opens a festival's call; a browser goes to its office.",
                  body: .form("csrfToken, like, festivalId, title, year, edition (optional), closesOn, and per category winners-<id>, reserves-<id>, quota-<id> (optional), rials-<id>"),
                  responses: [201: "Opened (scripts)", 303: "Opened (browsers)", 400: "A field is missing or not a number or date", 401: "Not signed in",
                              403: "CSRF token missing or not a ministry officer", 404: "No such earlier call", 409: "The festival exists", 422: "Invalid input"]),
        Operation(method: "get", path: "/festivals/{id}/office",
                  summary: "A festival's office for the ministry (HTML): its stage, proposals to confirm, entries with their jurors, each section's jury, and the forms that act on them.",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not a ministry officer", 404: "No such festival"]),
        Operation(method: "post", path: "/forms/festivals/{id}/close", summary: "Closes a festival's call.", body: .form("csrfToken"),
                  responses: [201: "Closed (scripts)", 303: "Closed (browsers)", 401: "Not signed in", 403: "CSRF token missing or not a ministry officer", 404: "No such festival"]),
        Operation(method: "post", path: "/forms/festivals/{id}/entries", summary: "Confirms the chosen proposals as the festival's entries.",
                  body: .form("csrfToken, entry (repeated: <category>|submission:<id> or <category>|university:<code>)"),
                  responses: [201: "Confirmed (scripts)", 303: "Confirmed (browsers)", 400: "None chosen, or a choice malformed", 401: "Not signed in",
                              403: "CSRF token missing or not a ministry officer", 404: "No such festival, category or submission", 409: "The call still open, announced, or an entry elsewhere",
                              422: "An entry not eligible"]),
        Operation(method: "post", path: "/forms/festivals/{id}/jurors", summary: "Appoints a juror, by national code, to a section's jury (their university, when not given, is their registration's).",
                  body: .form("csrfToken, nationalCode, sectionId, university (optional)"),
                  responses: [201: "Appointed (scripts)", 303: "Appointed (browsers)", 400: "A field is missing", 401: "Not signed in",
                              403: "CSRF token missing or not a ministry officer", 404: "No such festival, section or person", 422: "Not a national code"]),
        Operation(method: "post", path: "/forms/festivals/{id}/assign", summary: "Assigns jurors to the entries: least-loaded, never with a conflict of interest.", body: .form("csrfToken"),
                  responses: [201: "Assigned (scripts)", 303: "Assigned (browsers)", 401: "Not signed in", 403: "CSRF token missing or not a ministry officer",
                              404: "No such festival", 409: "The call still open, or announced"]),
        Operation(method: "get", path: "/surveys/new", summary: "The ministry's form that drafts a survey (HTML): window, audience, and question rows with kind, options, required and show-if.",
                  signedIn: false, responses: [200: "The page", 303: "Not signed in: to /login", 403: "Not a ministry officer"],
                  query: ["questions": "How many question rows (8 when absent, at most 40)"]),
        Operation(method: "post", path: "/forms/surveys", summary: "Drafts a survey from the form's rows (row n with text is question qn); a browser goes to its results page, where it is published.",
                  body: .form("csrfToken, rows, surveyId, title, description, opensOn, closesOn, audience (repeated), universities, allowsEditing, anonymous, and per row text-n, kind-n, options-n, required-n, showIfQuestion-n, showIfAnswer-n"),
                  responses: [201: "Drafted (scripts)", 303: "Drafted (browsers)", 400: "A field is missing or not a date or number", 401: "Not signed in",
                              403: "CSRF token missing or not a ministry officer", 409: "The survey exists", 422: "The definition's problems, each by field or row"]),
        Operation(method: "post", path: "/forms/surveys/{id}/publish", summary: "Publishes a drafted survey.", body: .form("csrfToken"),
                  responses: [201: "Published (scripts)", 303: "Published (browsers)", 401: "Not signed in", 403: "CSRF token missing or not a ministry officer",
                              404: "No such survey", 409: "Already published or closed"]),
        Operation(method: "post", path: "/forms/surveys/{id}/close", summary: "Closes a published survey.", body: .form("csrfToken"),
                  responses: [201: "Closed (scripts)", 303: "Closed (browsers)", 401: "Not signed in", 403: "CSRF token missing or not a ministry officer",
                              404: "No such survey", 409: "Not published"]),
        Operation(method: "get", path: "/.well-known/hadaf-public-key", summary: "The platform's Ed25519 public key, which checks its certificates and checkpoints.",
                  signedIn: false, responses: [200: "The key, base64 and as a did:key"]),
        Operation(method: "get", path: "/checkpoints.json", summary: "Every signed checkpoint recorded in the log, oldest first: the list auditors copy and hold the log to (`hadaf verify --against FILE`).",
                  signedIn: false, responses: [200: "A JSON array of checkpoints"]),
        Operation(method: "get", path: "/checkpoints", summary: "The published checkpoints in Persian (HTML), newest first, each with its key and whether the platform trusts it.",
                  signedIn: false, responses: [200: "The page"]),
        Operation(method: "get", path: "/api/v1/certificates/verify", summary: "Checks a certificate's verification code: valid, revoked or forged.", signedIn: false,
                  responses: [200: "The verdict", 400: "No code"], query: ["code": "Required: the code printed on the certificate"]),
        Operation(method: "get", path: "/certificates/verify", summary: "The public verification page (HTML): a code, typed or from the QR link, gives valid, revoked or forged.",
                  signedIn: false, responses: [200: "The page"], query: ["code": "The code printed on the certificate"]),
        Operation(method: "get", path: "/certificates/{award}",
                  summary: "An award's certificate (HTML, Persian and English, with its QR code and the signed credential), for its recipient, their deputy officers and the ministry.",
                  signedIn: false, responses: [200: "The certificate", 303: "Not signed in: to /login", 403: "Not yours", 404: "No such award", 409: "Revoked or awaiting approval"]),
    ]

    /// Every path answered to GET, as the document names it (`{id}` where an id goes): the
    /// crafted-log tests ask each of them as every role.
    public static var readPaths: [String] { operations.filter { $0.method == "get" }.map(\.path) }

    /// The document as JSON text, keys sorted so that the committed copy compares byte for byte.
    public static func json() -> Data {
        (try? JSONSerialization.data(withJSONObject: document(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    static func document() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method] = describe(operation)
        }
        let problem: [String: Any] = [
            "type": "object",
            "description": "RFC 9457 problem details with HADAF's stable code and the Persian sentence.",
            "properties": ["type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"], "detail": ["type": "string"],
                           "code": ["type": "string"], "detail_fa": ["type": "string"], "field": ["type": "string"], "instance": ["type": "string"],
                           "request_id": ["type": "string"], "errors": ["type": "array", "items": ["$ref": "#/components/schemas/Problem"]]],
            "required": ["type", "title", "status", "detail", "code", "detail_fa"],
        ]
        return [
            "openapi": "3.1.0",
            "info": ["title": "HADAF participation platform", "version": "1", "description": "The form handler and JSON API of HADAF. Errors are application/problem+json."],
            "paths": paths,
            "components": [
                "schemas": ["Problem": problem],
                "securitySchemes": [
                    "session": ["type": "apiKey", "in": "cookie", "name": "hadaf_session", "description": "With X-CSRF-Token (or the csrfToken form field) on changes."],
                    "token": ["type": "http", "scheme": "bearer", "description": "An API token from POST /api/v1/tokens."],
                ],
            ],
        ]
    }

    private static func describe(_ operation: Operation) -> [String: Any] {
        var described: [String: Any] = ["summary": operation.summary, "operationId": operationId(operation)]
        var parameters: [[String: Any]] = []
        for name in pathParameters(operation.path) {
            var schema: [String: Any] = ["type": "string"]
            if name == "name" { schema["enum"] = CommandRequest.names }
            parameters.append(["name": name, "in": "path", "required": true, "schema": schema])
        }
        for (name, description) in operation.query.sorted(by: { $0.key < $1.key }) {
            parameters.append(["name": name, "in": "query", "required": description.hasPrefix("Required"), "description": description, "schema": ["type": "string"]])
        }
        if operation.path.hasPrefix("/api/v1/commands") || operation.path.hasPrefix("/forms/") && operation.method == "post" {
            parameters.append(["name": "Idempotency-Key", "in": "header", "required": false, "schema": ["type": "string"]])
        }
        if !parameters.isEmpty { described["parameters"] = parameters }
        switch operation.body {
        case .none: break
        case let .json(description):
            described["requestBody"] = ["required": true, "description": description, "content": ["application/json": ["schema": ["type": "object"]]]]
        case let .form(description):
            let form: [String: Any] = ["schema": ["type": "object"]]
            var content = ["application/x-www-form-urlencoded": form]
            if operation.path.hasPrefix("/forms/") { content["multipart/form-data"] = form }
            described["requestBody"] = ["required": true, "description": description, "content": content]
        }
        if operation.signedIn { described["security"] = [["session": []], ["token": []]] }
        if operation.path == "/api/v1/commands/{name}" {
            described["x-roles"] = CommandAccess.roles.mapValues { $0.map(\.rawValue).sorted() }
        }
        var responses: [String: Any] = [:]
        for (status, description) in operation.responses.merging(commonResponses(operation), uniquingKeysWith: { own, _ in own }) {
            responses["\(status)"] = status < 400
                ? ["description": description]
                : ["description": description, "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]]]
        }
        described["responses"] = responses
        return described
    }

    /// The statuses every operation of its kind may answer besides its own: a signed-in route
    /// 401; a body 400, 408, 413 and 415; every route but those answered from memory 503 (its
    /// deadline, or the storage failing) and, when it writes, 507 (a full disk). The hostile-input
    /// suite (`tools/fuzz`) checks that no answer falls outside the document.
    static func commonResponses(_ operation: Operation) -> [Int: String] {
        var common: [Int: String] = [:]
        if operation.signedIn { common[401] = "Not signed in" }
        if !pathParameters(operation.path).isEmpty { common[404] = "What the path names is not there, or not for this account" }
        if operation.query["university"] != nil { common[404] = "No such university" }
        if case .none = operation.body {} else {
            common[400] = "The body cannot be read"
            common[408] = "The body did not arrive before the deadline"
            common[413] = "The body is too large"
            common[415] = "Not a body this route reads"
            common[507] = "The disk is full: nothing was recorded"
        }
        if !["/health", "/metrics", "/assets/hadaf.css", "/openapi.json"].contains(operation.path) {
            common[503] = "Past the deadline, or the storage is failing: nothing was recorded; try again"
        }
        return common
    }

    private static func operationId(_ operation: Operation) -> String {
        let words = operation.path.split(whereSeparator: { "/{}.-".contains($0) }).filter { $0 != "api" && $0 != "v1" }
        return operation.method + words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `{id}` style names in a path.
    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }
}
