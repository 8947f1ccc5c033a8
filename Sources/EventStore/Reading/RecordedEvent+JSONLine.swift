extension RecordedEvent {
    /// The event as one line of JSON, with the payload and metadata embedded as stored.
    ///
    /// Its keys are a superset of an import line's (`stream`, `type`, `payload`, `id`,
    /// `schemaVersion`, `metadata`), so `hadaf events --json` output imports into another log;
    /// `position`, `streamVersion`, `recordedAt` and `hash` describe where it stood in this one.
    public var jsonLine: String {
        var output: [UInt8] = []
        output.reserveCapacity(payload.count + metadataJSON.count + 256)
        func key(_ name: String, first: Bool = false) {
            if !first { output.append(UInt8(ascii: ",")) }
            JSONStringWriter.append(name, to: &output)
            output.append(UInt8(ascii: ":"))
        }
        output.append(UInt8(ascii: "{"))
        key("position", first: true); output.append(contentsOf: String(position).utf8)
        key("id"); JSONStringWriter.append(id.lowercasedString, to: &output)
        key("stream"); JSONStringWriter.append(stream, to: &output)
        key("streamVersion"); output.append(contentsOf: String(streamVersion).utf8)
        key("type"); JSONStringWriter.append(type, to: &output)
        key("schemaVersion"); output.append(contentsOf: String(schemaVersion).utf8)
        key("payload"); output.append(contentsOf: payload)
        key("metadata"); output.append(contentsOf: metadataJSON)
        key("recordedAt"); JSONStringWriter.append(UTCTimestamp.format(milliseconds: recordedAtMilliseconds), to: &output)
        key("hash"); JSONStringWriter.append(hash.hexString, to: &output)
        output.append(UInt8(ascii: "}"))
        return String(decoding: output, as: UTF8.self)
    }
}
