/// The one way each stream name that carries a number is written. `awards-ut-01405` and
/// `awards-ut-+1405` read as Tehran's awards of 1405, but no command writes them: an award
/// filed there would escape the checks made on `awards-ut-1405`. The commands write only
/// canonical names; `hadaf append` and `hadaf import` refuse the others; the audit reports any
/// already in a log.
public enum CanonicalStream {
    /// Why `stream` is not written the canonical way, or nil when it is (or carries no number).
    public static func refusal(of stream: String) -> String? {
        if stream.hasPrefix("awards-") {
            guard let office = AwardEvent.office(ofStream: stream) else { return "'\(stream)' is not an awards stream's name: awards-<university>-<year>" }
            let canonical = AwardEvent.stream(university: office.university, year: office.year)
            return canonical == stream ? nil : "'\(stream)' must be written '\(canonical)'"
        }
        if stream.hasPrefix("policy-") {
            guard let year = Int(stream.dropFirst("policy-".count)) else { return "'\(stream)' is not a policy stream's name: policy-<year>" }
            let canonical = PolicyAdopted.stream(year: year)
            return canonical == stream ? nil : "'\(stream)' must be written '\(canonical)'"
        }
        return nil
    }
}
