/// Rules for the short names the log stores as text: stream ids and event type names.
enum StreamName {
    /// The longest stream id or type name, in characters.
    static let maximumLength = 200

    /// Whether `name` is 1 to ``maximumLength`` characters with no control characters.
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= maximumLength * 4 else { return false }
        // Names are almost always ASCII: check bytes, and ask Unicode only about the rest.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return name.utf8.count <= maximumLength && !name.utf8.contains { $0 < 0x20 || $0 == 0x7F }
        }
        guard name.count <= maximumLength else { return false }
        return !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
