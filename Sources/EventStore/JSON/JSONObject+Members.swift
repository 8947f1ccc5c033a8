import Foundation

extension JSONObject {
    /// Parses a document that must be one object, building only the top-level members named in
    /// `keys` and scanning past the others, as strictly as the log's validator.
    ///
    /// A fold that needs two fields of a large payload (who answered a survey, not the answers)
    /// then pays for validating the bytes, not for building every nested value. A member named
    /// in `outlined` whose value is an object is kept as its outline: its members' names, each
    /// valued null (which case of an enum a payload holds, without its contents); or, for those
    /// of its members whose values are objects, valued with their members named in `within` (a
    /// case's title without its long texts).
    public init(
        parsing data: Data, keeping keys: [StaticString], outlining outlined: [StaticString] = [], keepingWithin within: [StaticString] = []
    ) throws(EventStoreError) {
        var result: Result<[Member], JSONScanner.SyntaxError>!
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var scanner = JSONScanner(bytes)
            var members: [Member] = []
            do throws(JSONScanner.SyntaxError) {
                scanner.skipWhitespace()
                guard scanner.peek() == UInt8(ascii: "{") else { throw scanner.failure("a JSON object must start with '{'") }
                try scanner.walkObject { scanner, key throws(JSONScanner.SyntaxError) in
                    if keys.contains(where: { JSONScanner.isKey(bytes, key, $0) }) {
                        members.append(Member(key: JSONScanner.decodeString(bytes, key), value: try scanner.parseValue()))
                    } else if outlined.contains(where: { JSONScanner.isKey(bytes, key, $0) }) {
                        members.append(Member(key: JSONScanner.decodeString(bytes, key), value: try scanner.parseOutline(keeping: within)))
                    } else {
                        _ = try scanner.scanValue()
                    }
                }
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.failure("unexpected text after the value") }
                result = .success(members)
            } catch {
                result = .failure(error)
            }
        }
        switch result! {
        case let .success(members): self.init(members: members)
        case let .failure(error): throw .invalidJSON(field: "payload", reason: "\(error.reason) at byte \(error.offset)")
        }
    }
}

extension JSONScanner {
    /// Reads one value: an object as its members' names, each valued null (the values checked
    /// and skipped) or, when `within` names any key and the member's value is an object, valued
    /// with that object's members named in `within`; any other value whole.
    fileprivate mutating func parseOutline(keeping within: [StaticString]) throws(SyntaxError) -> JSONValue {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { return try parseValue() }
        var names: [JSONObject.Member] = []
        try walkObject { scanner, key throws(SyntaxError) in
            scanner.skipWhitespace()
            let value: JSONValue
            if !within.isEmpty, scanner.peek() == UInt8(ascii: "{") {
                value = try scanner.parseObject(keeping: within)
            } else {
                _ = try scanner.scanValue()
                value = .null
            }
            names.append(JSONObject.Member(key: JSONScanner.decodeString(scanner.bytes, key), value: value))
        }
        return .object(JSONObject(members: names))
    }

    /// Reads an object, building only its members named in `keys` and checking the others.
    private mutating func parseObject(keeping keys: [StaticString]) throws(SyntaxError) -> JSONValue {
        var members: [JSONObject.Member] = []
        try walkObject { scanner, key throws(SyntaxError) in
            if keys.contains(where: { JSONScanner.isKey(scanner.bytes, key, $0) }) {
                members.append(JSONObject.Member(key: JSONScanner.decodeString(scanner.bytes, key), value: try scanner.parseValue()))
            } else {
                _ = try scanner.scanValue()
            }
        }
        return .object(JSONObject(members: members))
    }
}
