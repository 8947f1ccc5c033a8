import Foundation
import HTTPTypes

/// A `multipart/form-data` body (RFC 7578) read into its text fields and its files.
///
/// Strict where it matters: a part without a `name`, a body that does not end with the closing
/// boundary, or a text field that is not UTF-8 is a 400 that names the field.
struct MultipartForm: Sendable {
    /// One uploaded file, as sent.
    struct File: Sendable {
        let field: String
        let fileName: String
        let mediaType: String
        let content: Data
    }

    private(set) var fields = FormFields()
    private(set) var files: [File] = []

    /// The boundary of a `multipart/form-data` content type, if it is one.
    static func boundary(ofContentType contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
            let value = parameter.dropFirst("boundary=".count)
            return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? String(value.dropFirst().dropLast()) : String(value)
        }
        return nil
    }

    init(body: Data, boundary: String) throws(Problem) {
        let delimiter = Data("--\(boundary)".utf8)
        let separator = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { throw Self.malformed("the body has no part") }
        while true {
            // After a delimiter: "--" ends the body; otherwise CRLF and a part.
            if body[cursor...].starts(with: Data("--".utf8)) { return }
            guard body[cursor...].starts(with: Data("\r\n".utf8)) else { throw Self.malformed("a boundary is not followed by a line break") }
            let partStart = cursor + 2
            guard let next = body.range(of: Data("\r\n".utf8) + delimiter, in: partStart..<body.endIndex) else {
                throw Self.malformed("the body does not end with its closing boundary")
            }
            let part = body[partStart..<next.lowerBound]
            guard let headerEnd = part.range(of: separator) else { throw Self.malformed("a part has no header") }
            let headers = String(decoding: part[part.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            try add(headers: headers, content: Data(part[headerEnd.upperBound...]))
            cursor = next.upperBound
        }
    }

    private mutating func add(headers: String, content: Data) throws(Problem) {
        var disposition: [String: String] = [:]
        var mediaType = "application/octet-stream"
        for line in headers.components(separatedBy: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "content-disposition": disposition = Self.parameters(pair[1])
            case "content-type": mediaType = pair[1]
            default: break
            }
        }
        guard let name = disposition["name"], !name.isEmpty else { throw Self.malformed("a part has no field name") }
        if let fileName = disposition["filename"] {
            guard !fileName.isEmpty || !content.isEmpty else { return } // a file input left empty
            files.append(File(field: name, fileName: (fileName as NSString).lastPathComponent, mediaType: mediaType, content: content))
        } else {
            guard let text = String(data: content, encoding: .utf8) else {
                throw .malformedForm(field: name, english: "The field '\(name)' is not valid text.", persian: "فیلد «\(name)» متن معتبری نیست.")
            }
            fields.append(name, text)
        }
    }

    /// `form-data; name="a"; filename="b.pdf"` → `["name": "a", "filename": "b.pdf"]`.
    private static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in value.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var text = pair[1]
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            result[pair[0].lowercased()] = text
        }
        return result
    }

    private static func malformed(_ reason: String) -> Problem {
        Problem(status: .badRequest, code: "form.malformed", english: "The multipart form cannot be read: \(reason).",
                persian: "فرم چندبخشی خوانده نمی‌شود.")
    }
}
