import Foundation

/// The example commands of docs/commands.md, which several tests run as a realistic log.
enum DocumentedCommands {
    /// Every JSON line of docs/commands.md, in order.
    static func lines() throws -> [String] {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/commands.md")
        var inJSON = false
        var lines: [String] = []
        for line in try String(contentsOf: page, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inJSON = line == "```json"; continue }
            if inJSON, line.hasPrefix("{") { lines.append(String(line)) }
        }
        return lines
    }
}
