import EventStore

extension SurveyAnswered {
    /// Who answered, and whether the response revises an earlier one: what crediting a
    /// response needs, read without building its answers.
    public struct Respondent: Sendable, Equatable {
        public let respondent: String
        public let isRevision: Bool
    }

    /// The respondent of the event when it is a named survey answer; nil for another type.
    ///
    /// The ledger credits every response in the log and needs two of its fields; building the
    /// answers for that was most of its decoding time. The whole payload is still validated, and
    /// a payload of an older schema version is decoded (and upcast) whole.
    public static func respondent(of event: RecordedEvent) throws -> Respondent? {
        guard event.type == eventType else { return nil }
        guard event.schemaVersion == schemaVersion else {
            return try event.decode(as: Self.self).map { Respondent(respondent: $0.respondent, isRevision: $0.isRevision) }
        }
        let members = try JSONObject(parsing: event.payload, keeping: ["respondent", "isRevision"])
        return Respondent(respondent: try members.string("respondent"), isRevision: try members.bool("isRevision"))
    }
}
