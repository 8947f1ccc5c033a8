import EventStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import Participation

/// Turns every error into a response a client can use: a ``Problem`` as
/// `application/problem+json`, or, for a browser, a short Persian page. An unforeseen error is
/// logged with the request id and answered with a 500 that reveals nothing else.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = HadafRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status == .internalServerError {
                context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            }
            return Self.response(problem, for: request, requestId: context.id)
        }
    }

    static func problem(for error: any Error) -> Problem {
        switch error {
        case let problem as Problem: problem
        case let error as DomainError: Problem(error)
        case let error as any CodedError: Problem(coded: error)
        case is NIOTooManyBytesError: .bodyTooLarge
        case let error as HTTPError where error.status == .notFound: .notFound(.page)
        case let error as HTTPError where error.status == .methodNotAllowed:
            Problem(status: .methodNotAllowed, code: "request.method_not_allowed",
                    english: "This address does not take that method.", persian: "این نشانی این روش درخواست را نمی‌پذیرد.")
        case let error as HTTPError where error.status == .badRequest:
            Problem(status: .badRequest, code: "request.malformed",
                    english: "The request body cannot be read: \(error.body ?? "it is not what this address takes").",
                    persian: "بدنه درخواست خوانده نمی‌شود.")
        case let error as HTTPError where error.status == .contentTooLarge: .bodyTooLarge
        default: .internalError
        }
    }

    static func response(_ problem: Problem, for request: Request, requestId: String) -> Response {
        var headers = HTTPFields()
        if let seconds = problem.retryAfter { headers[.retryAfter] = "\(seconds)" }
        if request.prefersHTML {
            headers[.contentType] = "text/html; charset=utf-8"
            let page = ErrorPage(problem: problem, requestId: requestId).html
            return Response(status: problem.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        headers[.contentType] = "application/problem+json"
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(problem.document(instance: request.uri.path, requestId: requestId))) ?? Data()
        return Response(status: problem.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Request {
    /// A browser navigating (it asks for HTML first), as opposed to a script asking for JSON.
    var prefersHTML: Bool {
        guard let accept = headers[.accept] else { return false }
        return accept.contains("text/html")
    }
}
