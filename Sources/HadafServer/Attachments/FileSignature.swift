import Foundation

/// What a file's first bytes say it is, checked against the media type its sender declared.
///
/// A browser's `Content-Type` for a file is whatever the sender claims; an HTML page declared
/// as a PDF would be kept and later served. Each accepted type has a signature: PDF `%PDF-`,
/// JPEG `FF D8 FF`, PNG's eight bytes, WebP `RIFF….WEBP`, the office documents' ZIP `PK 03 04`,
/// and plain text must be UTF-8 without NUL or a leading `<` (no markup passed off as text).
enum FileSignature {
    /// Whether `content` is a file of `mediaType`.
    static func matches(_ content: Data, mediaType: String) -> Bool {
        let bytes = [UInt8](content.prefix(12))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
        switch mediaType {
        case "application/pdf": return starts(Array("%PDF-".utf8))
        case "image/jpeg": return starts([0xFF, 0xD8, 0xFF])
        case "image/png": return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "image/webp": return starts(Array("RIFF".utf8)) && bytes.count >= 12 && Array(bytes[8..<12]) == Array("WEBP".utf8)
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text":
            return starts([0x50, 0x4B, 0x03, 0x04])
        case "text/plain":
            guard let text = String(data: content, encoding: .utf8), !text.unicodeScalars.contains("\u{0}") else { return false }
            return text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" } != "<"
        default: return false
        }
    }
}
