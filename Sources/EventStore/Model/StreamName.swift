/// Rules for the short names the log stores as text: stream ids and event type names.
enum StreamName {
    /// The longest stream id or type name, in characters.
    static let maximumLength = 200

    /// Whether `name` is 1 to ``maximumLength`` characters with no control characters.
    static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= maximumLength else { return false }
        return !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
