import Foundation

/// A fresh directory under the system's temporary directory, removed when the value is dropped.
/// Tests use real SQLite files in it, as users run them.
public final class TemporaryDirectory: Sendable {
    /// The directory's URL.
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hadaf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
