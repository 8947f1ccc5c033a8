import Foundation

/// Prints a page to PDF with Debian's headless Chromium, which shapes Persian text and embeds the
/// machine's fonts as a browser shows them: the certificate's PDF is its page, printed.
enum PDFPrinter {
    /// Chromium's names on Debian and elsewhere, tried in order on the PATH.
    static let browsers = ["chromium", "chromium-browser", "google-chrome"]

    /// Writes `page` (an HTML file) to `pdf`; fails when no browser is found or it writes nothing.
    static func print(_ page: URL, to pdf: URL) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = browsers.flatMap { name in path.split(separator: ":").map { "\($0)/\(name)" } }
        guard let browser = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure("no Chromium on the PATH to print the PDF with (Debian: apt-get install chromium)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(FileManager.default.temporaryDirectory.appendingPathComponent("hadaf-pdf-\(UUID().uuidString)").path)",
            "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard let head = try? FileHandle(forReadingFrom: pdf).read(upToCount: 5), head == Data("%PDF-".utf8) else {
            throw Failure("Chromium wrote no PDF (exit \(process.terminationStatus))")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
