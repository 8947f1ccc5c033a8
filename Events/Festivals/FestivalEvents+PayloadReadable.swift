import EventStore
import Foundation

/// A festival's scores are most of its stream (three or more per entry): read field by field.
extension FestivalEntryScored: PayloadReadable {
    init(payload: JSONObject) throws {
        self.init(
            entryId: try payload.string("entryId"), jurorId: try payload.string("jurorId"),
            scores: try payload.objects("scores") { CriterionScore(criterion: try $0.string("criterion"), score: try $0.int("score")) })
    }
}
