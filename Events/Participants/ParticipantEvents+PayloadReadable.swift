import EventStore

extension ParticipantRegistered: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            participantId: try payload.string("participantId"), kind: try payload.string("kind"),
            university: try payload.optionalString("university"), studentGroup: try payload.optionalString("studentGroup"),
            personal: try payload.string("personal"), sealing: try payload.string("sealing"))
    }
}
