import EventStore
import Crypto
import Foundation
import Hummingbird
import Mustache
import NIOCore

/// Renders the pages from the Mustache templates shipped with the server (`Pages/Templates`),
/// each a child of `layout`. Templates are read once, when the server is made; a template that
/// fails to parse stops the server from starting rather than a page from rendering.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The CSP source of each inline `<style>` block of the templates (`'sha256-…'`): the
    /// certificate is a page that stands alone (saved, printed, mailed) and carries its style,
    /// which the Content-Security-Policy allows by its hash, and nothing else inline.
    let inlineStyleHashes: [String]

    /// The templates in `directory` (`.mustache` files, named by their file names).
    init(directory: URL) throws {
        var templates: [String: MustacheTemplate] = [:]
        var hashes: [String] = []
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            templates[file.deletingPathExtension().lastPathComponent] = try MustacheTemplate(string: text)
            if let open = text.range(of: "<style>"), let close = text.range(of: "</style>", range: open.upperBound..<text.endIndex) {
                hashes.append("'sha256-\(Data(SHA256.hash(data: Data(text[open.upperBound..<close.lowerBound].utf8))).base64EncodedString())'")
            }
        }
        library = MustacheLibrary(templates: templates)
        inlineStyleHashes = hashes.sorted()
    }

    /// The templates shipped in the server's resources.
    static func shipped() throws -> PageRenderer {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else { throw PageError.missingResources }
        return try PageRenderer(directory: directory)
    }

    /// The page's HTML; `template` names the page's template.
    func html(_ template: String, _ page: Any) throws -> String {
        guard let html = library.render(page, withTemplate: template) else { throw PageError.unknownTemplate(template) }
        return html
    }

    /// An HTML response with the rendered page.
    func response(_ template: String, _ page: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: try html(template, page))))
    }

    /// The pages' templates are missing or broken: an installation fault.
    enum PageError: CodedError {
        case missingResources
        case unknownTemplate(String)

        var code: String { "pages.unavailable" }
        var kind: ErrorKind { .internal }

        var englishMessage: String {
            switch self {
            case .missingResources: "The pages' templates are not installed beside the server."
            case let .unknownTemplate(name): "There is no page template '\(name)'."
            }
        }

        var persianMessage: String { "قالب‌های صفحه‌ها در دسترس نیست." }
    }
}
