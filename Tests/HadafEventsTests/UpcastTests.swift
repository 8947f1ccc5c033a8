import EventStore
import Foundation
import HadafEvents
import Testing

@Suite("Reading older schema versions")
struct UpcastTests {
    private func recorded(type: String, version: Int64, payload: String) -> RecordedEvent {
        RecordedEvent(
            position: 7, id: UUID(), stream: "university-sharif", streamVersion: 1, type: type, schemaVersion: version,
            payload: Data(payload.utf8), metadataJSON: Data("{}".utf8), recordedAtMilliseconds: 0, hash: Data())
    }

    /// Version 1 of `university.registered` had no province; reading it gives the current shape.
    @Test func aVersion1UniversityRegistrationIsUpcastWithItsProvince() throws {
        let v1 = recorded(type: "university.registered", version: 1,
                          payload: #"{"code":"sharif","englishName":"Sharif University of Technology","name":"دانشگاه صنعتی شریف"}"#)
        let upcast = try #require(try v1.decode(as: UniversityRegistered.self))
        #expect(upcast == UniversityRegistered(code: "sharif", name: "دانشگاه صنعتی شریف", englishName: "Sharif University of Technology", province: "تهران"))

        let unknown = recorded(type: "university.registered", version: 1, payload: #"{"code":"kashan","englishName":"University of Kashan","name":"دانشگاه کاشان"}"#)
        #expect(try unknown.decode(as: UniversityRegistered.self)?.province == nil)
        #expect(try UniversityEvent(unknown) == .registered(UniversityRegistered(code: "kashan", name: "دانشگاه کاشان", englishName: "University of Kashan", province: nil)))
    }

    @Test func theCurrentVersionDecodesAsItIs() throws {
        let v2 = recorded(type: "university.registered", version: 2, payload: #"{"code":"yazd","englishName":"Yazd University","name":"دانشگاه یزد","province":"یزد"}"#)
        #expect(try v2.decode(as: UniversityRegistered.self)?.province == "یزد")
    }

    @Test func aNewerVersionThanTheCodeKnowsIsRefusedNotGuessed() {
        let v3 = recorded(type: "university.registered", version: 3, payload: #"{"code":"x"}"#)
        #expect(throws: UpcastError(eventType: "university.registered", version: 3)) { try v3.decode(as: UniversityRegistered.self) }
        let oldSurvey = recorded(type: "survey.published", version: 0, payload: "{}")
        #expect(throws: UpcastError(eventType: "survey.published", version: 0)) { try oldSurvey.decode(as: SurveyPublished.self) }
    }
}
