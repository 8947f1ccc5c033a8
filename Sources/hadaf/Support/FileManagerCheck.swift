import Foundation

/// File-system questions the commands ask before opening anything.
enum FileManagerCheck {
    static func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
